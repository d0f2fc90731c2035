package io.txlab.order.ordering.application;

/**
 * Port to the outbox: a table the order service writes its events to in the same DB transaction as the
 * order row, and a relay that sends them to the broker after the commit.
 */
public interface EventOutbox {

    /**
     * Adds an event's row in the caller's DB transaction: it commits or rolls back with the order row.
     *
     * @return the row's id
     */
    long add(String orderId, String topic, String tag, String eventType, byte[] payload);

    /** Called after rows committed: the relay sends them now instead of at its next poll. */
    void relayNow();
}
