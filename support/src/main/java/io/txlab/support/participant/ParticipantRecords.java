package io.txlab.support.participant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.txlab.support.audit.OrderRecords;
import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.timeline.Steps;
import io.txlab.support.audit.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A participant's records of one order: the shared tables, its barrier row, and its own movements. */
public final class ParticipantRecords {

    private final JdbcClient jdbc;
    private final OrderRecords records;
    private final String service;

    ParticipantRecords(JdbcClient jdbc, OrderRecords records, String service) {
        this.jdbc = jdbc;
        this.records = records;
        this.service = service;
    }

    /** @param movements the entries of the participant's own movement table (deducted, released, ...) */
    public ServiceRecords of(String orderId, List<TimelineEntry> movements) {
        List<TimelineEntry> entries = new ArrayList<>(records.of(orderId));
        entries.addAll(barrier(orderId));
        entries.addAll(movements);
        return new ServiceRecords(service, orderId, entries);
    }

    /** An entry of this participant, for its own movements. */
    public TimelineEntry entry(Instant at, String step, String detail) {
        return records.entry(at, step, detail);
    }

    /** An entry of this participant from a row that keeps its trace id. */
    public TimelineEntry entry(Instant at, String step, String detail, String traceId) {
        return records.entry(at, step, detail, traceId);
    }

    private List<TimelineEntry> barrier(String orderId) {
        return jdbc.sql("""
                SELECT state, reason, decided_at, cancelled_at, late_apply_skipped_at, trace_id
                FROM order_part WHERE order_id = :orderId
                """)
                .param("orderId", orderId)
                .query((rs, row) -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    String state = rs.getString("state");
                    String traceId = rs.getString("trace_id");
                    if ("REJECTED".equals(state)) {
                        entries.add(records.entry(rs.getTimestamp("decided_at").toInstant(), Steps.REJECTED,
                                "rejected the order: " + rs.getString("reason"), traceId));
                        if (rs.getTimestamp("cancelled_at") != null) {
                            entries.add(records.entry(rs.getTimestamp("cancelled_at").toInstant(),
                                    Steps.NOTHING_TO_UNDO, "cancel received: nothing was applied here, nothing to undo",
                                    traceId));
                        }
                    }
                    if ("CANCELLED_FIRST".equals(state)) {
                        entries.add(records.entry(rs.getTimestamp("cancelled_at").toInstant(),
                                Steps.CANCELLED_BEFORE_APPLY, "cancel received before the order's event: nothing to "
                                        + "undo (empty compensation); barrier planted so that event is skipped", traceId));
                        if (rs.getTimestamp("late_apply_skipped_at") != null) {
                            entries.add(records.entry(rs.getTimestamp("late_apply_skipped_at").toInstant(),
                                    Steps.LATE_APPLY_SKIPPED, "the order's event arrived after its cancel and was "
                                            + "skipped for good (no hanging " + service + " change)", traceId));
                        }
                    }
                    return entries;
                })
                .list().stream().flatMap(List::stream).toList();
    }
}
