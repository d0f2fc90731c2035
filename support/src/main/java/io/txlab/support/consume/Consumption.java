package io.txlab.support.consume;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import io.txlab.contracts.event.Event;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one idempotent-consumer mechanism. A lock per order cuts contention between redeliveries (and is skipped
 * when Redis is down); a consumed_message row, written here in the same DB transaction as the effect, is the
 * guarantee. Handlers never write that row: they get a {@link Delivery} (one event) or the events of a batch
 * with their first-delivery flags.
 */
public final class Consumption {

    private static final Logger log = LoggerFactory.getLogger(Consumption.class);
    private static final int MAX_ATTEMPTS = 5;

    private final OrderLocks locks;
    private final ConsumedMessages consumed;
    private final TransactionOperations transactions;
    private final TxLabMeters meters;

    Consumption(OrderLocks locks, ConsumedMessages consumed, TransactionOperations transactions, TxLabMeters meters) {
        this.locks = locks;
        this.consumed = consumed;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** One event of a batch, and whether this delivery is its first (its dedup row was written just now). */
    public record Received<E extends Event>(E event, boolean first) {
    }

    /**
     * One event, under its order's lock. The handler reads what it decides on, then commits its effect through
     * the {@link Delivery}; no look-up comes first, the dedup row's write in the effect's transaction finds a
     * duplicate. A {@link ConcurrentChangeException} runs the whole handling again, a few times.
     */
    public <E extends Event> void once(String consumer, E event, Consumer<Delivery<E>> handler) {
        try (var ignored = LogContext.order(event.orderId());
             var lock = locks.acquire(consumer, List.of(event.orderId()))) {
            for (int attempt = 1; ; attempt++) {
                Delivery<E> delivery = new Delivery<>(consumer, event, consumed, transactions);
                try {
                    handler.accept(delivery);
                    delivery.finish();
                    if (delivery.duplicate()) {
                        meters.dedupHit(consumer, event.type());
                    }
                    return;
                } catch (AlreadyConsumedException e) {
                    log.info("dedup hit consumer={} key={}: its dedup row exists, acknowledging", consumer,
                            event.dedupKey());
                    consumed.countDuplicate(consumer, event.dedupKey());
                    meters.dedupHit(consumer, event.type());
                    return;
                } catch (ConcurrentChangeException e) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    log.info("concurrent change ({}), handling again, attempt {}", e.getMessage(), attempt + 1);
                }
            }
        }
    }

    /**
     * A batch, under one lock for all its orders and in one DB transaction: writes every event's dedup row (or
     * counts the duplicate) in one statement and hands the events to {@code handling}, which applies the
     * effects of the first deliveries. After the commit, still under the lock, {@code afterCommit} gets what the
     * handling returned. If anything throws, the transaction rolls back as a whole.
     */
    public <E extends Event, R> void batch(String consumer, List<E> events, Function<List<Received<E>>, R> handling,
                                           Consumer<R> afterCommit) {
        try (var lock = locks.acquire(consumer, events.stream().map(Event::orderId).distinct().toList())) {
            List<Received<E>> received = new ArrayList<>(events.size());
            R result = transactions.execute(status -> {
                received.addAll(receive(consumer, events));
                return handling.apply(List.copyOf(received));
            });
            countDuplicates(consumer, received);
            afterCommit.accept(result);
        }
    }

    /**
     * The batch's dedup rows in one statement. An event whose key came earlier in the same batch is a duplicate
     * of that one, counted on its row.
     */
    private <E extends Event> List<Received<E>> receive(String consumer, List<E> events) {
        Map<String, ConsumedMessages.Delivered> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.dedupKey(),
                new ConsumedMessages.Delivered(event.dedupKey(), event.orderId())));
        Set<String> there = consumed.recordAllOrCountDuplicates(consumer, List.copyOf(distinct.values()));
        Set<String> seen = new HashSet<>();
        List<Received<E>> received = new ArrayList<>(events.size());
        for (E event : events) {
            boolean firstInBatch = seen.add(event.dedupKey());
            if (!firstInBatch) {
                consumed.countDuplicate(consumer, event.dedupKey());
            }
            received.add(new Received<>(event, firstInBatch && !there.contains(event.dedupKey())));
        }
        return received;
    }

    /** After the commit only: a batch that rolled back deduplicated nothing. */
    private void countDuplicates(String consumer, List<? extends Received<?>> received) {
        for (Received<?> delivery : received) {
            if (!delivery.first()) {
                meters.dedupHit(consumer, delivery.event().type());
            }
        }
    }
}
