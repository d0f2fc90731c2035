package io.txlab.order.ordering.application;

import java.util.Optional;

/**
 * The order could not be recorded; no event about it will ever be delivered, so the client may retry.
 * {@link #orderId()} is set when a half message was sent: its check-backs can be inspected.
 */
public final class OrderNotPlacedException extends RuntimeException {

    private final String orderId;

    public OrderNotPlacedException(String message, String orderId, Throwable cause) {
        super(message, cause);
        this.orderId = orderId;
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }
}
