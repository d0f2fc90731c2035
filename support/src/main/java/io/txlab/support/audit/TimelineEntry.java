package io.txlab.support.audit;

import io.txlab.contracts.timeline.Steps;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One thing a service did or saw for an order, as the timeline shows it.
 *
 * @param service  which service recorded it (order, inventory, payment)
 * @param step     what happened, for example CHECK_BACK or STOCK_RELEASED (see {@link Steps})
 * @param txId     the RocketMQ transaction id, when the step belongs to a half message
 * @param instance the service instance that answered, for check-backs
 * @param traceId  the W3C trace id of the work that recorded the step (null when its row has none)
 */
public record TimelineEntry(Instant at, String service, String step, String detail, String txId, String instance,
                            String traceId) {

    /** An entry of a row that keeps no trace id. */
    public TimelineEntry(Instant at, String service, String step, String detail, String txId, String instance) {
        this(at, service, step, detail, txId, instance, null);
    }

    /**
     * By time, then, for steps recorded within the same millisecond, in the order they happen in: a half
     * message is sent before its local transaction writes, a consumption before its effect.
     */
    public static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::at)
            .thenComparingInt(entry -> Steps.rank(entry.step()));

    public static List<TimelineEntry> sorted(List<TimelineEntry> entries) {
        return entries.stream().sorted(CHRONOLOGICAL).toList();
    }
}
