package io.txlab.order.ordering.outbox;

import io.txlab.order.ordering.application.EventOutbox;
import org.springframework.stereotype.Component;

/** The outbox_event table, and this instance's relay woken after a commit. */
@Component
class JdbcEventOutbox implements EventOutbox {

    private final Outbox outbox;
    private final OutboxRelay relay;

    JdbcEventOutbox(Outbox outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    @Override
    public long add(String orderId, String topic, String tag, String eventType, byte[] payload) {
        return outbox.add(orderId, topic, tag, eventType, payload);
    }

    @Override
    public void relayNow() {
        relay.wake();
    }
}
