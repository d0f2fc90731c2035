package io.txlab.tools.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Snapshot} from the three schemas, over read-only connections.
 *
 * <p>Each schema is read inside one read-only REPEATABLE READ transaction started WITH CONSISTENT SNAPSHOT, so
 * all its tables are seen at one point in time (a movement and the stock counter it changed agree). The three
 * transactions start one after the other, so the three schemas cannot share one point in time: an order may be
 * CONFIRMED in the order schema's snapshot while a later charge is not yet in payment's, or the reverse. So
 * {@link #read()} reads again until two consecutive snapshots hold the same data (readAt aside), at most
 * {@link #MAX_READS} times. Two equal reads mean nothing moved between them, so either is a state the platform
 * was in. If no two agree (the platform is still busy), the last one is judged all the same and the
 * {@link Reading} says so.
 */
final class SnapshotReader {

    static final int MAX_READS = 5;

    /**
     * @param reads  how many snapshots were read
     * @param agreed whether the last two held the same data
     */
    record Reading(Snapshot snapshot, int reads, boolean agreed) {
    }

    private final CheckTarget target;

    SnapshotReader(CheckTarget target) {
        this.target = target;
    }

    Reading read() throws SQLException {
        Snapshot last = readOnce();
        for (int reads = 2; reads <= MAX_READS; reads++) {
            Snapshot next = readOnce();
            if (next.sameData(last)) {
                return new Reading(next, reads, true);
            }
            last = next;
        }
        return new Reading(last, MAX_READS, false);
    }

    private Snapshot readOnce() throws SQLException {
        Instant readAt = Instant.now();
        try (Connection order = inSnapshot(target.connect(target.orderSchema()));
             Connection inventory = inSnapshot(target.connect(target.inventorySchema()));
             Connection payment = inSnapshot(target.connect(target.paymentSchema()))) {
            Snapshot.Delivered delivered = new Snapshot.Delivered(consumed(inventory), consumed(payment));
            Set<String> repeated = new HashSet<>();
            repeated.addAll(repeated(inventory, "stock_movement"));
            repeated.addAll(repeated(payment, "payment_movement"));
            Snapshot snapshot = new Snapshot(orders(order),
                    moves(inventory, "stock_movement", "quantity", "product_id", "sale_id", "DEDUCT", "RELEASE"),
                    moves(payment, "payment_movement", "amount_cents", "user_id", null, "CHARGE", "REFUND"),
                    // units moved into flash sales still belong to the product's books; their sales are booked apart
                    books(inventory, """
                            SELECT s.product_id, s.initial_available,
                                   s.available + COALESCE((SELECT SUM(a.units) FROM flash_allocation a
                                                           WHERE a.product_id = s.product_id), 0),
                                   COALESCE(SUM(CASE m.kind WHEN 'DEDUCT' THEN m.quantity
                                                            WHEN 'RELEASE' THEN -m.quantity END), 0)
                            FROM stock s LEFT JOIN stock_movement m ON m.product_id = s.product_id AND m.sale_id IS NULL
                            GROUP BY s.product_id, s.initial_available, s.available
                            ORDER BY s.product_id
                            """),
                    books(payment, """
                            SELECT a.user_id, a.initial_balance_cents, a.balance_cents,
                                   COALESCE(SUM(CASE m.kind WHEN 'CHARGE' THEN m.amount_cents
                                                            WHEN 'REFUND' THEN -m.amount_cents END), 0)
                            FROM account a LEFT JOIN payment_movement m ON m.user_id = a.user_id
                            GROUP BY a.user_id, a.initial_balance_cents, a.balance_cents
                            ORDER BY a.user_id
                            """),
                    repeated, published(order, delivered), readAt, FlashSales.read(order, inventory),
                    OutboxRows.read(order), delivered);
            order.commit();
            inventory.commit();
            payment.commit();
            return snapshot;
        }
    }

    /** One point in time for everything read on this connection until its commit. */
    private static Connection inSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement start = connection.createStatement()) {
            start.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
        return connection;
    }

    private static Map<String, Snapshot.Order> orders(Connection db) throws SQLException {
        Map<String, Snapshot.Order> orders = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT order_id, status, user_id, product_id, sale_id, quantity, amount_cents, created_at FROM orders
                """); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                orders.put(rows.getString(1), new Snapshot.Order(rows.getString(1), rows.getString(2), rows.getLong(3),
                        rows.getLong(4), rows.getString(5), rows.getInt(6), rows.getLong(7),
                        rows.getTimestamp(8).toInstant()));
            }
        }
        return orders;
    }

    private static Set<String> consumed(Connection db) throws SQLException {
        Set<String> orderIds = new HashSet<>();
        addOrderIds(db, """
                SELECT order_id FROM consumed_message WHERE dedup_key = CONCAT('OrderCreated:', order_id)
                """, orderIds);
        return orderIds;
    }

    /**
     * Per order: rows and totals of the effect and of its undo, and the lowest and highest product (user) and
     * sale its rows moved: equal when every row moved the same one. Table and column names are this class's
     * constants, never input; {@code sale} is null for a table without sales.
     */
    private static Map<String, Snapshot.Moves> moves(Connection db, String table, String amount, String subject,
                                                     String sale, String apply, String undo) throws SQLException {
        Map<String, Snapshot.Moves> moves = new HashMap<>();
        String saleKey = sale == null ? "NULL" : "COALESCE(" + sale + ", '')";
        String sql = "SELECT order_id, SUM(kind = ?), COALESCE(SUM(CASE WHEN kind = ? THEN " + amount + " END), 0), "
                + "SUM(kind = ?), COALESCE(SUM(CASE WHEN kind = ? THEN " + amount + " END), 0), "
                + "MIN(" + subject + "), MAX(" + subject + "), MIN(" + saleKey + "), MAX(" + saleKey + ") FROM " + table
                + " GROUP BY order_id";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, apply);
            query.setString(2, apply);
            query.setString(3, undo);
            query.setString(4, undo);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Set<Long> subjects = Set.copyOf(List.of(rows.getLong(6), rows.getLong(7)));
                    Set<String> sales = rows.getString(8) == null ? Set.of()
                            : Set.copyOf(List.of(rows.getString(8), rows.getString(9)));
                    moves.put(rows.getString(1), new Snapshot.Moves(rows.getInt(2), rows.getLong(3), rows.getInt(4),
                            rows.getLong(5), subjects, sales));
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
    private static Set<String> published(Connection order, Snapshot.Delivered delivered) throws SQLException {
        Set<String> published = OutboxRows.published(order);
        addOrderIds(order, """
                SELECT order_id FROM tx_log
                WHERE status = 'COMMITTED' AND (event_type = 'OrderCreated' OR event_type IS NULL)
                """, published);
        published.addAll(delivered.inventory());
        published.addAll(delivered.payment());
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
