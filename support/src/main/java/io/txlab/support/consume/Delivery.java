package io.txlab.support.consume;

import io.txlab.contracts.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One delivery of an event, as {@link Consumption#once} hands it to its handler: the event, and the two ways
 * to commit its effect, both of which write the delivery's dedup row in the effect's DB transaction. The row
 * is written once: a second commit throws, and a handler that commits nothing gets its row all the same.
 */
public final class Delivery<E extends Event> {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private enum State { OPEN, FIRST, DUPLICATE }

    private final String consumer;
    private final E event;
    private final ConsumedMessages consumed;
    private final TransactionOperations transactions;
    private State state = State.OPEN;

    Delivery(String consumer, E event, ConsumedMessages consumed, TransactionOperations transactions) {
        this.consumer = consumer;
        this.event = event;
        this.consumed = consumed;
        this.transactions = transactions;
    }

    public E event() {
        return event;
    }

    /**
     * In one DB transaction: the dedup row, then {@code effect} if this delivery is the first. A duplicate is
     * counted on its row and its effect skipped.
     */
    public void commit(Runnable effect) {
        requireOpen();
        boolean first = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean firstDelivery = consumed.recordOrCountDuplicate(consumer, event.dedupKey(), event.orderId());
            if (firstDelivery) {
                effect.run();
            }
            return firstDelivery;
        }));
        state = first ? State.FIRST : State.DUPLICATE;
        if (!first) {
            log.info("dedup hit consumer={} key={}: its dedup row exists, acknowledging", consumer, event.dedupKey());
        }
    }

    /**
     * For an effect whose DB transaction this consumption cannot open: a half message's local transaction,
     * which must not run inside another. Call it inside that transaction, before the effect.
     *
     * @throws AlreadyConsumedException on a duplicate: that transaction must roll back (the consumption
     *                                  counts the duplicate once it has)
     * @throws IllegalStateException    outside a DB transaction: the row would not commit with the effect
     */
    public void recordInCurrentTransaction() {
        requireOpen();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the dedup row of " + event.dedupKey() + " must be written in the "
                    + "effect's DB transaction");
        }
        if (!consumed.recordOrCountDuplicate(consumer, event.dedupKey(), event.orderId())) {
            throw new AlreadyConsumedException(consumer, event.dedupKey());
        }
        state = State.FIRST;
    }

    /** After the handler: the dedup row of a handler that committed nothing (it found nothing to do). */
    void finish() {
        if (state == State.OPEN) {
            commit(() -> {
            });
        }
    }

    /** Whether the dedup row was there: this delivery changed nothing. */
    boolean duplicate() {
        return state == State.DUPLICATE;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the dedup row of " + event.dedupKey() + " is written already");
        }
    }
}
