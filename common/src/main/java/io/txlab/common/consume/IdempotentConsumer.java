package io.txlab.common.consume;

import io.txlab.common.event.Event;
import io.txlab.common.lock.ContentionLocks;
import io.txlab.common.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one idempotent-consumer mechanism: a lock per order cuts contention between redeliveries (and is
 * skipped when Redis is down), and a consumed_message row written in the same DB transaction as the
 * effect is the guarantee.
 */
public final class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ContentionLocks locks;
    private final ConsumedMessages consumed;
    private final TransactionTemplate transactions;

    IdempotentConsumer(ContentionLocks locks, ConsumedMessages consumed, TransactionTemplate transactions) {
        this.locks = locks;
        this.consumed = consumed;
        this.transactions = transactions;
    }

    /**
     * Runs {@code handling} under the order's lock unless the event was consumed already. The handling
     * must call {@link #markConsumed} inside the DB transaction that applies the effect.
     *
     * @return false on a dedup hit (nothing ran)
     */
    public boolean runOnce(String consumer, Event event, Runnable handling) {
        try (var ignored = LogContext.order(event.orderId());
             var lock = locks.acquire(consumer + ":" + event.orderId())) {
            return runWithRetries(consumer, event, handling);
        }
    }

    /** {@link #runOnce} for handling that is a plain DB transaction: dedup row and effect commit together. */
    public boolean runOnceInTransaction(String consumer, Event event, Runnable effect) {
        return runOnce(consumer, event, () -> applyInTransaction(consumer, event, effect));
    }

    /** For handling that chooses per event: the dedup row and {@code effect} in one DB transaction. */
    public void applyInTransaction(String consumer, Event event, Runnable effect) {
        transactions.executeWithoutResult(status -> {
            markConsumed(consumer, event);
            effect.run();
        });
    }

    /** @throws AlreadyConsumedException when another delivery got there first */
    public void markConsumed(String consumer, Event event) {
        consumed.record(consumer, event.dedupKey(), event.orderId());
    }

    private boolean runWithRetries(String consumer, Event event, Runnable handling) {
        for (int attempt = 1; ; attempt++) {
            if (consumed.contains(consumer, event.dedupKey())) {
                return dedupHit(consumer, event, "already applied");
            }
            try {
                handling.run();
                return true;
            } catch (AlreadyConsumedException e) {
                return dedupHit(consumer, event, "another delivery committed first");
            } catch (ConcurrentChangeException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("concurrent change ({}), handling again, attempt {}", e.getMessage(), attempt + 1);
            }
        }
    }

    private boolean dedupHit(String consumer, Event event, String why) {
        log.info("dedup hit consumer={} key={}: {}, acknowledging", consumer, event.dedupKey(), why);
        consumed.countDuplicate(consumer, event.dedupKey());
        return false;
    }
}
