package io.txlab.order.ordering.outbox;

import java.util.ArrayList;
import java.util.List;

import io.txlab.support.audit.OrderRecords;
import io.txlab.support.audit.TimelineEntry;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.order.ordering.application.OutboxRecordsSource;
import org.springframework.stereotype.Component;

/** An order's outbox row as timeline entries: written with the order, and sent by the relay (or not yet). */
@Component
class OutboxTimeline implements OutboxRecordsSource {

    static final String WRITTEN = "OUTBOX_WRITTEN";
    static final String SENT = "OUTBOX_SENT";

    private final Outbox outbox;
    private final OrderRecords records;

    OutboxTimeline(Outbox outbox, OrderRecords records) {
        this.outbox = outbox;
        this.records = records;
    }

    @Override
    public List<TimelineEntry> recordsOf(String orderId) {
        return outbox.trailOf(orderId, OrderCreated.TYPE).map(this::entries).orElse(List.of());
    }

    private List<TimelineEntry> entries(Outbox.Trail trail) {
        List<TimelineEntry> entries = new ArrayList<>();
        String written = OrderCreated.TYPE + " written to the outbox in the order's DB transaction";
        if (trail.sentAt() == null) {
            written += "; not sent yet" + (trail.attempts() == 0 ? ""
                    : " after " + trail.attempts() + " failed attempt(s), the last: " + trail.lastError());
        }
        entries.add(records.entry(trail.createdAt().toInstant(), WRITTEN, written, trail.traceId()));
        if (trail.sentAt() != null) {
            int failed = trail.attempts() - 1;
            entries.add(records.entry(trail.sentAt().toInstant(), SENT, "outbox relay sent " + OrderCreated.TYPE
                    + " as a plain message" + (failed > 0 ? " after " + failed + " failed attempt(s)" : ""),
                    trail.traceId()));
        }
        return entries;
    }
}
