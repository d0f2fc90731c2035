package io.txlab.order.ordering.web;

import java.time.Instant;

import io.txlab.order.ordering.domain.Order;

/** The order as the API shows it; {@code inventory} and {@code payment} are AWAITED, APPLIED or REJECTED. */
record OrderView(String orderId, String requestId, String status, long userId, long productId, int quantity,
                 long amountCents, String inventory, String payment, String reason, Instant createdAt) {

    static OrderView of(Order order) {
        return new OrderView(order.orderId(), order.requestId(), order.status().name(), order.userId(),
                order.productId(), order.quantity(), order.amountCents(), order.inventory().name(),
                order.payment().name(), order.reason(), order.createdAt());
    }
}
