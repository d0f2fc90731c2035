package io.txlab.scenarios.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

/**
 * Everything the workers observe during a run. Thread-safe: the dispatcher, the workers and the progress ticker
 * share one. Latencies are in microseconds from each request's intended send time; time-series seconds count
 * from the run's start, a request's outcome in the second it completed, its offer in the second it was due.
 */
final class Recording {

    /** A window of whole seconds, merged. */
    record Window(long offeredOrders, long acceptedOrders, long errors, LatencySummary orderLatency) {
    }

    /** Totals for the progress line. */
    record Totals(long offeredOrders, long acceptedOrders, long dispatched, long completed, long errors) {
    }

    static final long LATE_NANOS = 100_000_000L;

    private final Histogram orderMicros = LatencySummary.newHistogram();
    private final Histogram readMicros = LatencySummary.newHistogram();
    private final TreeMap<Integer, SecondStats> seconds = new TreeMap<>();
    private final Map<String, Long> errorsByKind = new TreeMap<>();
    private final List<String> acceptedOrderIds = new ArrayList<>();
    private long offeredOrders;
    private long dispatched;
    private long completed;
    private long errors;
    private long late;

    synchronized void offered(int second, boolean order) {
        dispatched++;
        if (order) {
            offeredOrders++;
            second(second).offeredOrders++;
        }
    }

    synchronized void sent(long lateNanos) {
        late += lateNanos > LATE_NANOS ? 1 : 0;
    }

    /** {@code error} is empty when the request got the answer it should (202 for an order, 200 for a read). */
    synchronized void completed(int second, boolean order, long latencyNanos, Optional<String> error, String orderId) {
        long micros = Math.max(0, latencyNanos / 1000);
        SecondStats stats = second(second);
        completed++;
        (order ? orderMicros : readMicros).recordValue(micros);
        (order ? stats.orderMicros : stats.readMicros).recordValue(micros);
        if (error.isPresent()) {
            errors++;
            stats.errors++;
            errorsByKind.merge(error.get(), 1L, Long::sum);
        } else if (order) {
            stats.acceptedOrders++;
            acceptedOrderIds.add(orderId);
        } else {
            stats.okReads++;
        }
    }

    /** An order accepted earlier in the run, if there is one yet. */
    synchronized Optional<String> randomAcceptedOrder() {
        return acceptedOrderIds.isEmpty() ? Optional.empty()
                : Optional.of(acceptedOrderIds.get(ThreadLocalRandom.current().nextInt(acceptedOrderIds.size())));
    }

    synchronized Totals totals() {
        return new Totals(offeredOrders, acceptedOrderIds.size(), dispatched, completed, errors);
    }

    synchronized Window window(int fromSecond, int toSecond) {
        Histogram merged = LatencySummary.newHistogram();
        long offered = 0;
        long accepted = 0;
        long failed = 0;
        for (SecondStats stats : seconds.subMap(fromSecond, toSecond).values()) {
            offered += stats.offeredOrders;
            accepted += stats.acceptedOrders;
            failed += stats.errors;
            merged.add(stats.orderMicros);
        }
        return new Window(offered, accepted, failed, LatencySummary.of(merged));
    }

    synchronized List<SecondStats.Point> timeSeries() {
        List<SecondStats.Point> points = new ArrayList<>();
        int last = seconds.isEmpty() ? -1 : seconds.lastKey();
        for (int second = 0; second <= last; second++) {
            points.add(seconds.getOrDefault(second, new SecondStats()).point(second));
        }
        return points;
    }

    synchronized LatencySummary orderLatency() {
        return LatencySummary.of(orderMicros);
    }

    synchronized LatencySummary readLatency() {
        return LatencySummary.of(readMicros);
    }

    synchronized Map<String, Long> errorsByKind() {
        return new TreeMap<>(errorsByKind);
    }

    synchronized List<String> acceptedOrderIds() {
        return List.copyOf(acceptedOrderIds);
    }

    synchronized long late() {
        return late;
    }

    private SecondStats second(int second) {
        return seconds.computeIfAbsent(second, s -> new SecondStats());
    }
}
