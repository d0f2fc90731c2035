package io.txlab.support.tx;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** A transaction manager without a database, whose commit can be made to fail. */
final class FakeTransactionManager extends AbstractPlatformTransactionManager {

    boolean failCommit;
    boolean committed;
    boolean rolledBack;

    @Override
    protected Object doGetTransaction() {
        return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        if (failCommit) {
            throw new TransactionSystemException("connection lost during commit");
        }
        committed = true;
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        rolledBack = true;
    }
}
