package io.txlab.order.ordering.application;

public final class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String orderId) {
        super("no order " + orderId);
    }
}
