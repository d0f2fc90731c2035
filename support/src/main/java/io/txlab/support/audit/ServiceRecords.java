package io.txlab.support.audit;

import java.util.List;

/** What one service knows about one order: its part of the timeline. */
public record ServiceRecords(String service, String orderId, List<TimelineEntry> entries) {

    public ServiceRecords {
        entries = TimelineEntry.sorted(entries);
    }
}
