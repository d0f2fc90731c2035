package io.txlab.order.ordering.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.txlab.contracts.event.Event;
import io.txlab.support.tx.LocalTransaction;
import io.txlab.support.tx.PublishResult;
import io.txlab.support.tx.TransactionalPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional publisher without a broker: runs the local transaction at once and delivers the event if it
 * did not throw (ROLLED_BACK with the failure if it did); {@link #inDoubtNext} answers IN_DOUBT after running it,
 * delivering nothing. There is no database to roll back: what the work wrote before it threw stays written.
 */
final class ImmediatePublisher implements TransactionalPublisher {

    record Sent(String topic, String tag, Event event) {
    }

    final List<Sent> delivered = new ArrayList<>();
    private boolean inLocalTransaction;
    private boolean inDoubtNext;
    private int transactions;

    /** True while a local transaction runs: what the work does now commits or rolls back with it. */
    boolean inLocalTransaction() {
        return inLocalTransaction;
    }

    void inDoubtNext() {
        inDoubtNext = true;
    }

    @Override
    public PublishResult publish(String topic, String tag, Event event, LocalTransaction localTransaction) {
        String txId = "tx-" + ++transactions;
        inLocalTransaction = true;
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            localTransaction.execute(txId);
        } catch (RuntimeException e) {
            return new PublishResult(txId, PublishResult.Outcome.ROLLED_BACK, Optional.of(e));
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
            inLocalTransaction = false;
        }
        if (inDoubtNext) {
            inDoubtNext = false;
            return new PublishResult(txId, PublishResult.Outcome.IN_DOUBT, Optional.empty());
        }
        delivered.add(new Sent(topic, tag, event));
        return new PublishResult(txId, PublishResult.Outcome.COMMITTED, Optional.empty());
    }
}
