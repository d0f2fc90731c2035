package io.txlab.order.ordering.application;

public final class UnknownProductException extends RuntimeException {

    public UnknownProductException(long productId) {
        super("unknown product " + productId);
    }
}
