package io.txlab.order.ordering.application;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.support.tx.PublishResult;
import io.txlab.order.ordering.domain.Order;

/**
 * One way of recording a new order together with its OrderCreated, so that the event is delivered if and
 * only if the order row commits. {@link PlaceOrder} keeps the idempotency around it and picks one per
 * request by {@link #mode()}.
 */
public interface OrderCreatedPublication {

    PublishMode mode();

    /**
     * Inserts the order row and publishes (or durably queues) its event. Must not be called inside a DB
     * transaction.
     *
     * @return COMMITTED when the order row committed with its event; ROLLED_BACK with the failure (a
     *         {@code DuplicateKeyException} when the request id was used concurrently); IN_DOUBT when the
     *         commit's outcome is unknown; NOT_RUN when nothing was recorded
     */
    PublishResult publish(Order order, OrderCreated event);
}
