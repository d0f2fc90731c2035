package io.txlab.support.audit;

import io.txlab.contracts.event.ParkedDelivery;
import io.txlab.contracts.timeline.Steps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.txlab.support.messaging.InboundEvents;
import io.txlab.support.tx.TransactionAudit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tables every service has (tx_log, check_back, consumed_message, delivery_failure) say about one
 * order, as timeline entries. Services add the entries of their own tables.
 */
public final class OrderRecords {

    private final JdbcClient jdbc;
    private final TransactionAudit audit;
    private final String service;

    OrderRecords(JdbcClient jdbc, TransactionAudit audit, String service) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.service = service;
    }

    public List<TimelineEntry> of(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.addAll(transactions(orderId));
        entries.addAll(checkBacks(orderId));
        entries.addAll(consumptions(orderId));
        entries.addAll(failures(orderId));
        return entries;
    }

    /** An entry of this service, for the service's own tables. */
    public TimelineEntry entry(Instant at, String step, String detail) {
        return entry(at, step, detail, null);
    }

    /** An entry of this service from a row that keeps the trace id of the work that wrote it. */
    public TimelineEntry entry(Instant at, String step, String detail, String traceId) {
        return new TimelineEntry(at, service, step, detail, null, null, traceId);
    }

    private List<TimelineEntry> transactions(String orderId) {
        return jdbc.sql("""
                SELECT tx_id, event_type, status, decided_by, sent_at, created_at, committed_at, trace_id
                FROM tx_log WHERE order_id = :orderId
                """)
                .param("orderId", orderId)
                .query((rs, row) -> transaction(rs))
                .list().stream().flatMap(List::stream).toList();
    }

    private List<TimelineEntry> transaction(ResultSet rs) throws SQLException {
        String txId = rs.getString("tx_id");
        String event = eventName(rs.getString("event_type"));
        String traceId = rs.getString("trace_id");
        List<TimelineEntry> entries = new ArrayList<>();
        Timestamp sentAt = rs.getTimestamp("sent_at");
        if (sentAt != null) {
            entries.add(new TimelineEntry(sentAt.toInstant(), service, Steps.HALF_MESSAGE_SENT,
                    event + " half message sent, invisible to consumers until committed", txId, null, traceId));
        }
        Instant at = rs.getTimestamp("created_at").toInstant();
        if ("COMMITTED".equals(rs.getString("status"))) {
            Timestamp committedAt = rs.getTimestamp("committed_at");
            entries.add(new TimelineEntry(committedAt == null ? at : committedAt.toInstant(), service,
                    Steps.LOCAL_TX_COMMITTED, "local transaction of " + event + " committed", txId, null, traceId));
        } else if ("CHECK_BACK".equals(rs.getString("decided_by"))) {
            entries.add(new TimelineEntry(at, service, Steps.ROLLED_BACK_BY_CHECK_BACK,
                    "no local commit of " + event + " found: the check-back rolled it back for good", txId, null,
                    traceId));
        } else {
            entries.add(new TimelineEntry(at, service, Steps.LOCAL_TX_ROLLED_BACK,
                    "local transaction of " + event + " rolled back: the half message is discarded", txId, null,
                    traceId));
        }
        return entries;
    }

    /** The check-backs as the check-back query reads them: one reader of check_back. */
    private List<TimelineEntry> checkBacks(String orderId) {
        return audit.checkBacksOf(orderId).stream().map(checkBack -> new TimelineEntry(checkBack.answeredAt(), service,
                Steps.CHECK_BACK, "check-back #" + checkBack.attempt() + " for " + eventName(checkBack.eventType())
                        + " answered " + checkBack.answer() + " in "
                        + Duration.between(checkBack.receivedAt(), checkBack.answeredAt()).toMillis() + " ms"
                        + (checkBack.broker() == null ? "" : ", asked by " + checkBack.broker()),
                checkBack.txId(), checkBack.instance(), checkBack.traceId())).toList();
    }

    private List<TimelineEntry> consumptions(String orderId) {
        return jdbc.sql("""
                SELECT dedup_key, consumed_at, duplicates, last_duplicate_at, trace_id
                FROM consumed_message WHERE order_id = :orderId
                """)
                .param("orderId", orderId)
                .query((rs, row) -> consumption(rs, orderId))
                .list().stream().flatMap(List::stream).toList();
    }

    private List<TimelineEntry> consumption(ResultSet rs, String orderId) throws SQLException {
        String message = messageName(rs.getString("dedup_key"), orderId);
        String traceId = rs.getString("trace_id");
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(rs.getTimestamp("consumed_at").toInstant(), Steps.CONSUMED,
                "consumed " + message + " (dedup row written with its effect)", traceId));
        int duplicates = rs.getInt("duplicates");
        if (duplicates > 0) {
            entries.add(entry(rs.getTimestamp("last_duplicate_at").toInstant(), Steps.DEDUP_HIT,
                    duplicates + " more deliver" + (duplicates == 1 ? "y" : "ies") + " of " + message
                            + " found the dedup row and changed nothing", traceId));
        }
        return entries;
    }

    private List<TimelineEntry> failures(String orderId) {
        return jdbc.sql("""
                SELECT event_type, reconsume_times, error, failed_at, trace_id
                FROM delivery_failure WHERE order_id = :orderId
                """)
                .param("orderId", orderId)
                .query((rs, row) -> failure(rs.getTimestamp("failed_at").toInstant(), rs.getInt("reconsume_times") + 1,
                        rs.getString("event_type"), rs.getString("error"), rs.getString("trace_id")))
                .list();
    }

    private TimelineEntry failure(Instant at, int delivery, String eventType, String error, String traceId) {
        if (ParkedDelivery.isParked(error)) {
            return entry(at, Steps.PARKED, "delivery #" + delivery + " of " + eventType
                    + " can never be handled, parked in its group's DLQ without a retry: "
                    + ParkedDelivery.readable(error), traceId);
        }
        return entry(at, Steps.DELIVERY_FAILED, failure(delivery, eventType, error), traceId);
    }

    private static String failure(int delivery, String eventType, String error) {
        String what = "delivery #" + delivery + " of " + eventType + " failed";
        return error.startsWith(InboundEvents.DEAD_LETTERED)
                ? what + " for the last time, the broker moves it to its group's DLQ: "
                        + error.substring(InboundEvents.DEAD_LETTERED.length())
                : what + ", the broker redelivers it: " + error;
    }

    private static String eventName(String eventType) {
        return eventType == null ? "the event" : eventType;
    }

    /** "ParticipantReplied:inventory:{orderId}" → "ParticipantReplied:inventory". */
    private static String messageName(String dedupKey, String orderId) {
        String suffix = ":" + orderId;
        return dedupKey.endsWith(suffix) ? dedupKey.substring(0, dedupKey.length() - suffix.length()) : dedupKey;
    }
}
