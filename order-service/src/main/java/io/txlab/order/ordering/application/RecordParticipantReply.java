package io.txlab.order.ordering.application;

import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies an inventory or payment reply to its order, once: PENDING → CONFIRMED, or CANCELLED on the first
 * rejection, in which case the move to CANCELLED and the reply's dedup row are the local transaction of
 * the OrderCancelled half message.
 */
@Service
public class RecordParticipantReply {

    public static final String CONSUMER = "order";

    private static final Logger log = LoggerFactory.getLogger(RecordParticipantReply.class);

    private final IdempotentConsumer consumer;
    private final OrderRepository orders;
    private final CancelOrder cancelOrder;

    public RecordParticipantReply(IdempotentConsumer consumer, OrderRepository orders, CancelOrder cancelOrder) {
        this.consumer = consumer;
        this.orders = orders;
        this.cancelOrder = cancelOrder;
    }

    public void handle(ParticipantReplied reply) {
        consumer.runOnce(CONSUMER, reply, () -> record(reply));
    }

    private void record(ParticipantReplied reply) {
        // Replies are only ever sent for committed orders, so a missing row is a fault: redeliver.
        Order order = orders.findById(reply.orderId()).orElseThrow(() -> new OrderNotFoundException(reply.orderId()));
        Order updated = order.withReply(part(reply), reply.applied(), reply.reason());
        log.info("{} replied {}{}: order {} -> {}", reply.participant(), reply.applied() ? "APPLIED" : "REJECTED",
                reply.applied() ? "" : " (" + reply.reason() + ")", order.status(), updated.status());
        if (updated.cancels(order)) {
            cancelOrder.cancel(updated, () -> consumer.markConsumed(CONSUMER, reply));
        } else {
            consumer.applyInTransaction(CONSUMER, reply, () -> {
                if (!updated.equals(order)) {
                    orders.update(updated);
                }
            });
        }
    }

    private static Order.Part part(ParticipantReplied reply) {
        return switch (reply.participant()) {
            case INVENTORY -> Order.Part.INVENTORY;
            case PAYMENT -> Order.Part.PAYMENT;
        };
    }
}
