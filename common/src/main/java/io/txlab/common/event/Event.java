package io.txlab.common.event;

/** A message payload: immutable, typed and versioned, always about one order. */
public interface Event {

    String type();

    int version();

    String orderId();

    /** The business key consumers deduplicate on: the same event re-sent or replayed keeps it. */
    default String dedupKey() {
        return type() + ":" + orderId();
    }
}
