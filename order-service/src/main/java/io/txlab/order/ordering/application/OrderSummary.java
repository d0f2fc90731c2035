package io.txlab.order.ordering.application;

import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;

/**
 * An order as the other features of this service see it: who bought in which sale, and where it stands. The
 * domain's {@link Order} and its state machine stay inside ordering.
 *
 * @param saleId the flash sale the order was bought in, or null
 * @param status PENDING, CONFIRMED or CANCELLED
 * @param reason why it was cancelled, or null
 */
public record OrderSummary(String orderId, long userId, String saleId, String status, String reason) {

    static OrderSummary of(Order order) {
        return new OrderSummary(order.orderId(), order.userId(), order.saleId(), order.status().name(),
                order.reason());
    }

    public boolean cancelled() {
        return OrderStatus.CANCELLED.name().equals(status);
    }
}
