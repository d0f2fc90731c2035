package io.txlab.order.ordering.outbox;

import io.txlab.support.messaging.PlainMessages;

/** An outbox row as the relay sends it: the encoded event and where it goes. */
record OutboxEvent(long id, String orderId, String topic, String tag, String eventType, byte[] payload) {

    PlainMessages.Outgoing outgoing() {
        return new PlainMessages.Outgoing(topic, tag, orderId, eventType, payload);
    }
}
