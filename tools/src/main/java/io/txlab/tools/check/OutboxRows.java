package io.txlab.tools.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the order schema's outbox: which orders' OrderCreated it holds, and the rows not sent yet. */
final class OutboxRows {

    private OutboxRows() {
    }

    static boolean present(Connection order) throws SQLException {
        try (PreparedStatement query = order.prepareStatement("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name = 'outbox_event'
                """); ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    static Snapshot.Outbox read(Connection order) throws SQLException {
        if (!present(order)) {
            return Snapshot.Outbox.ABSENT;
        }
        long count;
        try (PreparedStatement query = order.prepareStatement("SELECT COUNT(*) FROM outbox_event");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            count = rows.getLong(1);
        }
        List<Snapshot.Unsent> unsent = new ArrayList<>();
        try (PreparedStatement query = order.prepareStatement(
                "SELECT id, order_id, created_at FROM outbox_event WHERE sent_at IS NULL ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                unsent.add(new Snapshot.Unsent(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant()));
            }
        }
        return new Snapshot.Outbox(true, count, unsent);
    }

    /** An outbox row commits with its order row, as a half message's tx_log row does: the event will go out. */
    static Set<String> published(Connection order) throws SQLException {
        Set<String> published = new HashSet<>();
        if (!present(order)) {
            return published;
        }
        try (PreparedStatement query = order.prepareStatement(
                "SELECT order_id FROM outbox_event WHERE event_type = 'OrderCreated'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                published.add(rows.getString(1));
            }
        }
        return published;
    }
}
