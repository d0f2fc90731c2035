package io.txlab.tools.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

/**
 * Time to consistency from the order service's own timestamps, never from polling: a CONFIRMED order's
 * updated_at is when it became CONFIRMED (nothing updates it after that), created_at when it was accepted.
 * Reads only the run's own orders, by id, in batches.
 */
final class ConsistencyReader {

    /** The run's orders by status once settled (or the limit passed); rates from the database's clock. */
    record Consistency(long orders, long confirmed, long cancelled, long pending, boolean settled,
                       double waitedSeconds, double confirmedPerSecond, LatencySummary timeToConsistency) {
    }

    /** While waiting: how long so far, how many of the orders are still PENDING, how long at most. */
    record Settling(long waitedSeconds, long pending, long limitSeconds) {
    }

    private static final long POLL_MILLIS = 500;
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final OrderDatabase database;
    private final Duration settleLimit;
    private final Consumer<Settling> progress;

    /** {@code progress} hears at the start of the wait and every 5 s of it while orders are still PENDING. */
    ConsistencyReader(OrderDatabase database, Duration settleLimit, Consumer<Settling> progress) {
        this.database = database;
        this.settleLimit = settleLimit;
        this.progress = progress;
    }

    /** The orders of all groups together, and of each group apart. */
    record Grouped<K>(Consistency all, Map<K, Consistency> groups) {
    }

    /** Waits (up to the limit) until none of the orders is PENDING, then reads them. */
    Consistency read(List<String> orderIds) throws SQLException {
        return read(Map.of("all", orderIds)).all();
    }

    /** Waits (up to the limit) until none of the orders of any group is PENDING, then reads each group. */
    <K> Grouped<K> read(Map<K, List<String>> groups) throws SQLException {
        List<String> orderIds = groups.values().stream().flatMap(List::stream).toList();
        try (Connection connection = database.connect()) {
            long waiting = System.nanoTime();
            long pending = OrdersById.pending(connection, orderIds);
            long nextProgress = 0;
            while (pending > 0 && System.nanoTime() - waiting < settleLimit.toNanos()) {
                if (System.nanoTime() - waiting >= nextProgress) {
                    progress.accept(new Settling(Math.round((System.nanoTime() - waiting) / 1e9), pending,
                            settleLimit.toSeconds()));
                    nextProgress += PROGRESS_NANOS;
                }
                pause();
                pending = OrdersById.pending(connection, orderIds);
            }
            double waited = (System.nanoTime() - waiting) / 1e9;
            Map<K, Consistency> byGroup = new LinkedHashMap<>();
            for (Map.Entry<K, List<String>> group : groups.entrySet()) {
                byGroup.put(group.getKey(), tally(connection, group.getValue(), waited));
            }
            return new Grouped<>(groups.size() == 1 ? byGroup.values().iterator().next()
                    : tally(connection, orderIds, waited), byGroup);
        }
    }

    private static Consistency tally(Connection connection, List<String> orderIds, double waited) throws SQLException {
        Tally tally = new Tally();
        for (List<String> batch : OrdersById.batches(orderIds)) {
            try (PreparedStatement query = OrdersById.prepare(connection, "SELECT status, UNIX_TIMESTAMP(created_at),"
                    + " UNIX_TIMESTAMP(updated_at) FROM orders WHERE order_id IN (%s)", batch);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tally.add(rows.getString(1), rows.getBigDecimal(2), rows.getBigDecimal(3));
                }
            }
        }
        return tally.consistency(waited);
    }

    private static final class Tally {
        private final Histogram micros = LatencySummary.newHistogram();
        private long orders;
        private long confirmed;
        private long cancelled;
        private long pending;
        private BigDecimal firstCreated;
        private BigDecimal lastConfirmed;

        void add(String status, BigDecimal created, BigDecimal updated) {
            orders++;
            firstCreated = firstCreated == null || created.compareTo(firstCreated) < 0 ? created : firstCreated;
            switch (status) {
                case "CONFIRMED" -> {
                    confirmed++;
                    micros.recordValue(Math.max(0, updated.subtract(created).movePointRight(6).longValue()));
                    lastConfirmed = lastConfirmed == null || updated.compareTo(lastConfirmed) > 0 ? updated : lastConfirmed;
                }
                case "CANCELLED" -> cancelled++;
                default -> pending++;
            }
        }

        Consistency consistency(double waited) {
            double span = lastConfirmed == null ? 0 : lastConfirmed.subtract(firstCreated).doubleValue();
            return new Consistency(orders, confirmed, cancelled, pending, pending == 0, waited,
                    span > 0 ? confirmed / span : 0, LatencySummary.of(micros));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the orders to settle", e);
        }
    }
}
