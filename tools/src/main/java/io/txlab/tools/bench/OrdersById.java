package io.txlab.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/** Reading a run's own orders by id, in batches of 500 ids per statement: for the benchmark and the soak. */
public final class OrdersById {

    private static final int BATCH = 500;

    private OrdersById() {
    }

    /** How many of the orders are PENDING. */
    public static long pending(Connection connection, List<String> orderIds) throws SQLException {
        long pending = 0;
        for (List<String> batch : batches(orderIds)) {
            try (PreparedStatement query = prepare(connection,
                    "SELECT COUNT(*) FROM orders WHERE status = 'PENDING' AND order_id IN (%s)", batch);
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                pending += rows.getLong(1);
            }
        }
        return pending;
    }

    /** {@code sql} with one {@code %s} where the batch's placeholders go. */
    public static PreparedStatement prepare(Connection connection, String sql, List<String> ids) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                sql.formatted(String.join(",", Collections.nCopies(ids.size(), "?"))));
        for (int i = 0; i < ids.size(); i++) {
            statement.setString(i + 1, ids.get(i));
        }
        return statement;
    }

    public static List<List<String>> batches(List<String> ids) {
        int count = (ids.size() + BATCH - 1) / BATCH;
        return IntStream.range(0, count)
                .mapToObj(b -> ids.subList(b * BATCH, Math.min(ids.size(), (b + 1) * BATCH))).toList();
    }
}
