package io.txlab.order.ordering.application;

import io.txlab.order.ordering.domain.Order;

/** @param replayed true when the request id was seen before and the existing order is returned */
public record PlacedOrder(Order order, boolean replayed) {

    /** For the other features of this service, which do not see the domain's Order. */
    public String orderId() {
        return order.orderId();
    }
}
