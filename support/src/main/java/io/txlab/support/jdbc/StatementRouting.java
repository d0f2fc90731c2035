package io.txlab.support.jdbc;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source that {@code JdbcTemplate} and {@code JdbcClient} use. Inside a transaction they find its
 * connection under the transaction pool's key ({@link #getWrappedObject()}: Spring looks resources up by the
 * unwrapped object); outside one, {@link #getConnection()} lends an auto-committing connection, so that a write
 * outside a transaction commits at once, as it always did, and is never rolled back by the pool on return.
 */
final class StatementRouting extends DelegatingDataSource implements InfrastructureProxy {

    private final DataSource transactionPool;

    StatementRouting(DataSource autoCommitPool, DataSource transactionPool) {
        super(autoCommitPool);
        this.transactionPool = transactionPool;
    }

    @Override
    public Object getWrappedObject() {
        return transactionPool;
    }
}
