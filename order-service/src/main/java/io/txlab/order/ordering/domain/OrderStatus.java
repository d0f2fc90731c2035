package io.txlab.order.ordering.domain;

public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
