package io.txlab.order.ordering.application;

import io.txlab.order.ordering.domain.Order;

/** Published inside the order service once an order's move to CANCELLED has committed. */
public record OrderWasCancelled(OrderSummary order) {

    public OrderWasCancelled(Order order) {
        this(OrderSummary.of(order));
    }
}
