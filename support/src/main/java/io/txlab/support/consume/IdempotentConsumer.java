package io.txlab.support.consume;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.txlab.contracts.event.Event;
import io.txlab.support.lock.ContentionLocks;
import io.txlab.support.logging.LogContext;
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
             var lock = locks.acquire(consumer, List.of(event.orderId()))) {
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

    /** One event of a batch, and whether this delivery is its first (its dedup row was written just now). */
    public record Delivery<E extends Event>(E event, boolean first) {
    }

    /**
     * The batch form: under one lock for all the events' orders and in one DB transaction, writes each
     * event's dedup row (or counts the duplicate) and hands the deliveries to {@code handling}, which
     * applies the effects of the first ones. After the commit, still under the lock, {@code afterCommit}
     * gets what the handling returned. If anything throws, the transaction rolls back as a whole.
     */
    public <E extends Event, R> void runBatch(String consumer, List<E> events, Function<List<Delivery<E>>, R> handling,
                                              Consumer<R> afterCommit) {
        try (var lock = locks.acquire(consumer, events.stream().map(Event::orderId).distinct().toList())) {
            R result = transactions.execute(status -> handling.apply(events.stream()
                    .map(event -> new Delivery<>(event, consumed.recordOrCountDuplicate(consumer, event.dedupKey(),
                            event.orderId())))
                    .toList()));
            afterCommit.accept(result);
        }
    }

    private boolean runWithRetries(String consumer, Event event, Runnable handling) {
        // No look-up first: the dedup row's insert inside the handling is what finds a duplicate.
        for (int attempt = 1; ; attempt++) {
            try {
                handling.run();
                return true;
            } catch (AlreadyConsumedException e) {
                return dedupHit(consumer, event, "its dedup row exists");
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
