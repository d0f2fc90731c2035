package io.txlab.tools.soak;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.txlab.tools.bench.LatencySummary;
import io.txlab.tools.bench.OrderDatabase;
import io.txlab.tools.bench.OrdersById;
import org.HdrHistogram.Histogram;

/**
 * The run's accepted orders as the order service's database holds them, once none is PENDING (or the settle limit
 * passed): how many are missing (accepted, yet not there: lost) or still PENDING (not final: lost too), confirmed,
 * cancelled by reason, and the time each took to become final (created_at to updated_at, the database's clock).
 */
final class SoakBooks {

    record Books(long accepted, long confirmed, Map<String, Long> cancelledByReason, List<String> missing,
                 List<String> notFinal, LatencySummary timeToFinal, double settledAfterSeconds) {

        long cancelled() {
            return cancelledByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        long lost() {
            return missing.size() + notFinal.size();
        }
    }

    private static final int REASON_LENGTH = 80;

    private final OrderDatabase database;
    private final Duration settleLimit;
    private final Consumer<String> progress;

    SoakBooks(OrderDatabase database, Duration settleLimit, Consumer<String> progress) {
        this.database = database;
        this.settleLimit = settleLimit;
        this.progress = progress;
    }

    Books read(List<String> orderIds) throws SQLException {
        long waiting = System.nanoTime();
        try (Connection connection = database.connect()) {
            long pending = OrdersById.pending(connection, orderIds);
            long nextLine = 0;
            while (pending > 0 && System.nanoTime() - waiting < settleLimit.toNanos()) {
                long waited = (System.nanoTime() - waiting) / 1_000_000_000L;
                if (waited >= nextLine) {
                    progress.accept("settling: " + pending + " order(s) still PENDING after " + waited + " s (at most "
                            + settleLimit.toSeconds() + " s)");
                    nextLine = waited + 10;
                }
                Pause.seconds(1);
                pending = OrdersById.pending(connection, orderIds);
            }
            return tally(connection, orderIds, (System.nanoTime() - waiting) / 1e9);
        }
    }

    private static Books tally(Connection connection, List<String> orderIds, double waited) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> notFinal = new ArrayList<>();
        Map<String, Long> cancelled = new TreeMap<>();
        Histogram micros = LatencySummary.newHistogram();
        long confirmed = 0;
        for (List<String> batch : OrdersById.batches(orderIds)) {
            try (PreparedStatement query = OrdersById.prepare(connection, "SELECT order_id, status, reason,"
                    + " UNIX_TIMESTAMP(created_at), UNIX_TIMESTAMP(updated_at) FROM orders WHERE order_id IN (%s)", batch);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    found.add(id);
                    String status = rows.getString(2);
                    switch (status) {
                        case "CONFIRMED" -> confirmed++;
                        case "CANCELLED" -> cancelled.merge(reason(rows.getString(3)), 1L, Long::sum);
                        default -> notFinal.add(id);
                    }
                    if (status.equals("CONFIRMED") || status.equals("CANCELLED")) {
                        BigDecimal took = rows.getBigDecimal(5).subtract(rows.getBigDecimal(4));
                        micros.recordValue(Math.max(0, took.movePointRight(6).longValue()));
                    }
                }
            }
        }
        List<String> missing = orderIds.stream().filter(id -> !found.contains(id)).toList();
        return new Books(orderIds.size(), confirmed, cancelled, missing, notFinal, LatencySummary.of(micros), waited);
    }

    private static String reason(String reason) {
        String text = reason == null || reason.isBlank() ? "(no reason)" : reason.strip();
        return text.length() > REASON_LENGTH ? text.substring(0, REASON_LENGTH) + "..." : text;
    }

}
