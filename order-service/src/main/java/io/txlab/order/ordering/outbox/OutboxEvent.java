package io.txlab.order.ordering.outbox;

/** An outbox row as the relay sends it: the encoded event and where it goes. */
record OutboxEvent(long id, String orderId, String topic, String tag, String eventType, byte[] payload) {
}
