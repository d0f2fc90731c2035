package io.txlab.contracts.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Published (as a half message) by the order service in the same local transaction that moves an order to
 * CANCELLED. Each participant undoes what it applied for the order, and only that: the amounts come from
 * its own records, not from this event.
 */
public record OrderCancelled(String type, int version, String orderId, String reason, Instant cancelledAt)
        implements Event {

    public static final String TYPE = "OrderCancelled";
    public static final int VERSION = 1;

    public OrderCancelled {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not an " + TYPE + ": " + type);
        }
        Objects.requireNonNull(orderId, "orderId");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation needs a reason");
        }
    }

    public static OrderCancelled of(String orderId, String reason, Instant cancelledAt) {
        return new OrderCancelled(TYPE, VERSION, orderId, reason, cancelledAt);
    }
}
