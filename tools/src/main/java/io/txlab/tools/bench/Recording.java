package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.txlab.tools.client.PublishingWay;
import org.HdrHistogram.Histogram;

/**
 * Everything the driver observes during a run. Thread-safe: the dispatcher, the client's I/O thread and the
 * progress ticker share one. Latencies are in microseconds from each request's intended send time; time-series
 * seconds count from the run's start, a request's outcome in the second it completed, its offer (and its accepted
 * order's id, for the steps' consistency) in the second it was due.
 */
final class Recording {

    /** A window of whole seconds, merged. */
    record Window(long offeredOrders, long acceptedOrders, long errors, LatencySummary orderLatency) {
    }

    /** The answers to one way's orders: its accepted orders' ids, the latency of all its orders, its errors. */
    record WayAnswers(List<String> acceptedIds, LatencySummary latency, Map<String, Long> errorsByKind) {
    }

    /** Totals for the progress line. */
    record Totals(long offeredOrders, long acceptedOrders, long dispatched, long completed, long errors) {
    }

    static final long LATE_NANOS = 100_000_000L;

    private final Tally orders = new Tally();
    private final Map<PublishingWay, Tally> ordersByWay = new EnumMap<>(PublishingWay.class);
    private final Histogram readMicros = LatencySummary.newHistogram();
    private final TreeMap<Integer, SecondStats> seconds = new TreeMap<>();
    private final Map<String, Long> errorsByKind = new TreeMap<>();
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

    /** The result's error is empty when the request got the answer it should (2xx for an order, 200 for a read). */
    synchronized void completed(int second, int dueSecond, boolean order, long latencyNanos, OpenLoop.Result result) {
        long micros = Math.max(0, latencyNanos / 1000);
        Optional<String> error = result.error();
        SecondStats stats = second(second);
        completed++;
        (order ? stats.orderMicros : stats.readMicros).recordValue(micros);
        if (order) {
            orders.add(micros, error, result.orderId());
            ordersByWay.computeIfAbsent(result.way(), way -> new Tally()).add(micros, error, result.orderId());
        } else {
            readMicros.recordValue(micros);
        }
        if (error.isPresent()) {
            errors++;
            stats.errors++;
            errorsByKind.merge(error.get(), 1L, Long::sum);
        } else if (order) {
            stats.acceptedOrders++;
            second(dueSecond).acceptedIdsDue.add(result.orderId());
        } else {
            stats.okReads++;
        }
    }

    /** An order accepted earlier in the run, if there is one yet. */
    synchronized Optional<String> randomAcceptedOrder() {
        List<String> ids = orders.acceptedIds();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
    }

    synchronized Totals totals() {
        return new Totals(offeredOrders, orders.accepted(), dispatched, completed, errors);
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

    /** The accepted orders whose request was due in {@code [fromSecond, toSecond)}. */
    synchronized List<String> acceptedIdsDue(int fromSecond, int toSecond) {
        return seconds.subMap(fromSecond, toSecond).values().stream().flatMap(s -> s.acceptedIdsDue.stream()).toList();
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
        return orders.latency();
    }

    synchronized LatencySummary acceptedOrderLatency() {
        return orders.acceptedLatency();
    }

    /** Of the orders that failed with an error kind {@code kinds} accepts. */
    synchronized LatencySummary failedOrderLatency(Predicate<String> kinds) {
        return orders.failedLatency(kinds);
    }

    /** What the orders of one way got back: none if it sent none. */
    synchronized WayAnswers answers(PublishingWay way) {
        Tally tally = ordersByWay.getOrDefault(way, new Tally());
        return new WayAnswers(List.copyOf(tally.acceptedIds()), tally.latency(), tally.errorsByKind());
    }

    synchronized LatencySummary readLatency() {
        return LatencySummary.of(readMicros);
    }

    synchronized Map<String, Long> errorsByKind() {
        return new TreeMap<>(errorsByKind);
    }

    synchronized List<String> acceptedOrderIds() {
        return List.copyOf(orders.acceptedIds());
    }

    synchronized long late() {
        return late;
    }

    private SecondStats second(int second) {
        return seconds.computeIfAbsent(second, s -> new SecondStats());
    }
}
