package io.txlab.support.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The pool that transactions take their connections from: Boot's pool settings, but connections that stay in
 * manual-commit mode, so that Spring neither turns auto-commit off when a transaction begins nor on again when
 * it ends (two statements on the wire around every transaction). Not a {@code DataSource} bean, so that Boot
 * keeps configuring its own pool, which every statement outside a transaction uses.
 */
public final class TransactionConnections implements AutoCloseable {

    private final HikariDataSource pool;

    private TransactionConnections(HikariDataSource pool) {
        this.pool = pool;
    }

    /** A pool like {@code autoCommitting} (URL, size, timeouts, driver properties) whose connections never auto-commit. */
    public static TransactionConnections like(HikariDataSource autoCommitting) {
        HikariConfig config = new HikariConfig();
        autoCommitting.copyStateTo(config);
        config.setAutoCommit(false);
        config.setPoolName(autoCommitting.getPoolName() + "-tx");
        return new TransactionConnections(new HikariDataSource(config));
    }

    HikariDataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
