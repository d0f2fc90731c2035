package io.txlab.scenarios.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@link Snapshot} from the three schemas, over read-only connections. */
final class SnapshotReader {

    private final CheckTarget target;

    SnapshotReader(CheckTarget target) {
        this.target = target;
    }

    Snapshot read() throws SQLException {
        try (Connection order = target.connect(target.orderSchema());
             Connection inventory = target.connect(target.inventorySchema());
             Connection payment = target.connect(target.paymentSchema())) {
            Set<String> repeated = new HashSet<>();
            repeated.addAll(repeated(inventory, "stock_movement"));
            repeated.addAll(repeated(payment, "payment_movement"));
            return new Snapshot(orders(order), moves(inventory, "stock_movement", "quantity", "DEDUCT", "RELEASE"),
                    moves(payment, "payment_movement", "amount_cents", "CHARGE", "REFUND"),
                    // units moved into flash sales still belong to the product's books; their sales are booked apart
                    books(inventory, """
                            SELECT s.product_id, s.initial_available,
                                   s.available + COALESCE((SELECT SUM(a.units) FROM flash_allocation a
                                                           WHERE a.product_id = s.product_id), 0),
                                   COALESCE(SUM(CASE m.kind WHEN 'DEDUCT' THEN m.quantity
                                                            WHEN 'RELEASE' THEN -m.quantity END), 0)
                            FROM stock s LEFT JOIN stock_movement m ON m.product_id = s.product_id AND m.sale_id IS NULL
                            GROUP BY s.product_id, s.initial_available, s.available
                            """),
                    books(payment, """
                            SELECT a.user_id, a.initial_balance_cents, a.balance_cents,
                                   COALESCE(SUM(CASE m.kind WHEN 'CHARGE' THEN m.amount_cents
                                                            WHEN 'REFUND' THEN -m.amount_cents END), 0)
                            FROM account a LEFT JOIN payment_movement m ON m.user_id = a.user_id
                            GROUP BY a.user_id, a.initial_balance_cents, a.balance_cents
                            """),
                    repeated, published(order, inventory, payment), Instant.now(), FlashSales.read(order, inventory),
                    OutboxRows.read(order));
        }
    }

    private static Map<String, Snapshot.Order> orders(Connection db) throws SQLException {
        Map<String, Snapshot.Order> orders = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT order_id, status, quantity, amount_cents, created_at FROM orders");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                orders.put(rows.getString(1), new Snapshot.Order(rows.getString(1), rows.getString(2), rows.getInt(3),
                        rows.getLong(4), rows.getTimestamp(5).toInstant()));
            }
        }
        return orders;
    }

    /** Table and column names are this class's constants, never input. */
    private static Map<String, Snapshot.Moves> moves(Connection db, String table, String amount, String apply,
                                                     String undo) throws SQLException {
        Map<String, Snapshot.Moves> moves = new HashMap<>();
        String sql = "SELECT order_id, SUM(kind = ?), COALESCE(SUM(CASE WHEN kind = ? THEN " + amount + " END), 0), "
                + "SUM(kind = ?), COALESCE(SUM(CASE WHEN kind = ? THEN " + amount + " END), 0) FROM " + table
                + " GROUP BY order_id";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, apply);
            query.setString(2, apply);
            query.setString(3, undo);
            query.setString(4, undo);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    moves.put(rows.getString(1), new Snapshot.Moves(rows.getInt(2), rows.getLong(3), rows.getInt(4),
                            rows.getLong(5)));
                }
            }
        }
        return moves;
    }

    private static List<Snapshot.Book> books(Connection db, String sql) throws SQLException {
        List<Snapshot.Book> books = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                books.add(new Snapshot.Book(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return books;
    }

    /**
     * Through a half message (tx_log) or the outbox, or, for a dual write, delivered: a participant consumed its
     * OrderCreated (a dual write that lost its event has none of the three). Rows written before the tx_log had
     * an event type (V4) can only be OrderCreated ones.
     */
    private static Set<String> published(Connection order, Connection inventory, Connection payment)
            throws SQLException {
        Set<String> published = OutboxRows.published(order);
        addOrderIds(order, """
                SELECT order_id FROM tx_log
                WHERE status = 'COMMITTED' AND (event_type = 'OrderCreated' OR event_type IS NULL)
                """, published);
        String consumedOrderCreated = "SELECT order_id FROM consumed_message WHERE dedup_key LIKE 'OrderCreated:%'";
        addOrderIds(inventory, consumedOrderCreated, published);
        addOrderIds(payment, consumedOrderCreated, published);
        return published;
    }

    private static void addOrderIds(Connection db, String sql, Set<String> orderIds) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                orderIds.add(rows.getString(1));
            }
        }
    }

    /** The unique keys forbid these; the checker does not take the schema's word for it. */
    private static List<String> repeated(Connection db, String table) throws SQLException {
        List<String> repeated = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT order_id, kind, COUNT(*) FROM " + table + " GROUP BY order_id, kind HAVING COUNT(*) > 1");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                repeated.add(rows.getString(1) + " (" + rows.getString(2) + " x" + rows.getInt(3) + ")");
            }
        }
        return repeated;
    }
}
