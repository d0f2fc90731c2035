package io.txlab.contracts.event;

/** A message payload: immutable, typed and versioned, always about one order. */
public interface Event {

    String type();

    /** What this code writes is the newest version it reads ({@link KnownEvents}): a newer one is parked. */
    int version();

    String orderId();

    /** The business key consumers deduplicate on: the same event re-sent or replayed keeps it. */
    default String dedupKey() {
        return type() + ":" + orderId();
    }
}
