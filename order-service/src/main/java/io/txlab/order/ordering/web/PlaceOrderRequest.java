package io.txlab.order.ordering.web;

import io.txlab.order.sharedkernel.PlaceOrderCommand;

/** Body of POST /api/orders. Boxed types so that a missing field is reported, not read as 0. */
record PlaceOrderRequest(String requestId, Long userId, Long productId, Integer quantity) {

    PlaceOrderCommand toCommand() {
        return new PlaceOrderCommand(requestId, userId, productId, quantity);
    }
}
