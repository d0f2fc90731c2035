package io.txlab.order.ordering.application;

import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies an inventory or payment reply to its order, once: PENDING → CONFIRMED or CANCELLED. */
@Service
public class RecordParticipantReply {

    static final String CONSUMER = "order";

    private static final Logger log = LoggerFactory.getLogger(RecordParticipantReply.class);

    private final IdempotentConsumer consumer;
    private final OrderRepository orders;

    public RecordParticipantReply(IdempotentConsumer consumer, OrderRepository orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    public void handle(ParticipantReplied reply) {
        consumer.runOnceInTransaction(CONSUMER, reply, () -> {
            // Replies are only ever sent for committed orders, so a missing row is a fault: redeliver.
            Order order = orders.findById(reply.orderId())
                    .orElseThrow(() -> new OrderNotFoundException(reply.orderId()));
            Order updated = order.withReply(part(reply), reply.applied(), reply.reason());
            if (!updated.equals(order)) {
                orders.update(updated);
            }
            log.info("{} replied {}{}: order {} -> {}", reply.participant(), reply.applied() ? "APPLIED" : "REJECTED",
                    reply.applied() ? "" : " (" + reply.reason() + ")", order.status(), updated.status());
        });
    }

    private static Order.Part part(ParticipantReplied reply) {
        return switch (reply.participant()) {
            case INVENTORY -> Order.Part.INVENTORY;
            case PAYMENT -> Order.Part.PAYMENT;
        };
    }
}
