package io.txlab.common.consume;

import java.util.concurrent.TimeUnit;

import io.txlab.common.event.Event;
import io.txlab.common.logging.LogContext;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one idempotent-consumer mechanism: a Redisson lock per order cuts contention between redeliveries,
 * and a consumed_message row written in the same DB transaction as the effect is the guarantee.
 */
public final class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final long LOCK_WAIT_SECONDS = 10;

    private final RedissonClient redisson;
    private final ConsumedMessages consumed;
    private final TransactionTemplate transactions;

    IdempotentConsumer(RedissonClient redisson, ConsumedMessages consumed, TransactionTemplate transactions) {
        this.redisson = redisson;
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
        try (var ignored = LogContext.order(event.orderId())) {
            RLock lock = redisson.getLock("txlab:lock:" + consumer + ":" + event.orderId());
            if (!tryLock(lock)) {
                throw new IllegalStateException("order lock busy for " + LOCK_WAIT_SECONDS + " s; redeliver later");
            }
            try {
                return runWithRetries(consumer, event, handling);
            } finally {
                lock.unlock();
            }
        }
    }

    /** {@link #runOnce} for handling that is a plain DB transaction: dedup row and effect commit together. */
    public boolean runOnceInTransaction(String consumer, Event event, Runnable effect) {
        return runOnce(consumer, event, () -> transactions.executeWithoutResult(status -> {
            markConsumed(consumer, event);
            effect.run();
        }));
    }

    /** @throws AlreadyConsumedException when another delivery got there first */
    public void markConsumed(String consumer, Event event) {
        consumed.record(consumer, event.dedupKey(), event.orderId());
    }

    private boolean runWithRetries(String consumer, Event event, Runnable handling) {
        for (int attempt = 1; ; attempt++) {
            if (consumed.contains(consumer, event.dedupKey())) {
                log.info("dedup hit consumer={} key={}: already applied, acknowledging", consumer, event.dedupKey());
                consumed.countDuplicate(consumer, event.dedupKey());
                return false;
            }
            try {
                handling.run();
                return true;
            } catch (AlreadyConsumedException e) {
                log.info("dedup hit consumer={} key={} at commit", consumer, event.dedupKey());
                consumed.countDuplicate(consumer, event.dedupKey());
                return false;
            } catch (ConcurrentChangeException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("concurrent change ({}), handling again, attempt {}", e.getMessage(), attempt + 1);
            }
        }
    }

    private static boolean tryLock(RLock lock) {
        try {
            return lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
