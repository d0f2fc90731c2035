package io.txlab.order.ordering.outbox;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.txlab.support.trace.TraceContext;
import io.txlab.support.trace.Traces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox_event table (db/migration/order/V8__outbox.sql). */
@Repository
class Outbox {

    private static final int MAX_ERROR_LENGTH = 500;

    /** What the timeline shows of an order's outbox row. */
    record Trail(Timestamp createdAt, Timestamp sentAt, int attempts, String lastError, String traceId) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the row commits or rolls back with the order row. */
    long add(String orderId, String topic, String tag, String eventType, byte[] payload) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbox_event (order_id, topic, tag, event_type, payload, trace_parent)
                VALUES (:orderId, :topic, :tag, :eventType, :payload, :traceParent)
                """)
                .param("traceParent", Traces.forOrder(orderId).map(TraceContext::traceparent).orElse(null))
                .param("orderId", orderId)
                .param("topic", topic)
                .param("tag", tag)
                .param("eventType", eventType)
                .param("payload", payload)
                .update(key);
        return key.getKey().longValue();
    }

    /**
     * Locks the oldest unsent rows until the caller's transaction ends. Rows another relay holds, and rows
     * whose writing transaction has not committed yet, are skipped rather than waited for.
     */
    /** The rows not sent yet, for the txlab.outbox.unsent gauge: a count on the (sent_at, id) index, per scrape. */
    long countUnsent() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL").query(Long.class).single();
    }

    /** A plain read on the (sent_at, id) index, outside any transaction: the idle relay's whole poll. */
    boolean hasUnsent() {
        return jdbc.sql("SELECT 1 FROM outbox_event WHERE sent_at IS NULL LIMIT 1")
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    List<OutboxEvent> claimUnsent(int limit) {
        return jdbc.sql("""
                SELECT id, order_id, topic, tag, event_type, payload, trace_parent FROM outbox_event
                WHERE sent_at IS NULL
                ORDER BY id LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("limit", limit)
                .query((rs, row) -> new OutboxEvent(rs.getLong("id"), rs.getString("order_id"), rs.getString("topic"),
                        rs.getString("tag"), rs.getString("event_type"), rs.getBytes("payload"),
                        rs.getString("trace_parent")))
                .list();
    }

    void markSent(List<Long> ids) {
        jdbc.sql("""
                UPDATE outbox_event SET sent_at = CURRENT_TIMESTAMP(3), attempts = attempts + 1
                WHERE id IN (:ids)
                """)
                .param("ids", ids)
                .update();
    }

    /** A failed send, recorded after its transaction rolled back: the rows stay unsent. */
    void recordFailure(List<Long> ids, String error) {
        jdbc.sql("""
                UPDATE outbox_event SET attempts = attempts + 1, last_error = :error
                WHERE id IN (:ids) AND sent_at IS NULL
                """)
                .param("ids", ids)
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .update();
    }

    Optional<Trail> trailOf(String orderId, String eventType) {
        return jdbc.sql("""
                SELECT created_at, sent_at, attempts, last_error, trace_parent FROM outbox_event
                WHERE order_id = :orderId AND event_type = :eventType
                """)
                .param("orderId", orderId)
                .param("eventType", eventType)
                .query((rs, row) -> new Trail(rs.getTimestamp("created_at"), rs.getTimestamp("sent_at"),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        TraceContext.parse(rs.getString("trace_parent"), null).map(TraceContext::traceId).orElse(null)))
                .optional();
    }
}
