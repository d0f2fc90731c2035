package io.txlab.order.ordering.application;

import java.util.List;

import io.txlab.support.audit.TimelineEntry;

/** Port to what the outbox says about an order's events (written, sent), for its timeline. */
public interface OutboxRecordsSource {

    /** Empty when the order's events were not published through the outbox. */
    List<TimelineEntry> recordsOf(String orderId);
}
