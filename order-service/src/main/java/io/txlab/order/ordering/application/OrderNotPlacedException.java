package io.txlab.order.ordering.application;

import java.util.Optional;

/**
 * The order could not be recorded, so the client may retry with the same request id. Unless
 * {@link #inDoubt()}, no event about it will ever be delivered; in doubt, the broker's check-back decides
 * from the tx_log whether it exists. {@link #orderId()} is set when a half message was sent: its
 * check-backs can be inspected.
 */
public final class OrderNotPlacedException extends RuntimeException {

    private final String orderId;
    private final boolean inDoubt;

    public OrderNotPlacedException(String message, String orderId, Throwable cause) {
        this(message, orderId, cause, false);
    }

    private OrderNotPlacedException(String message, String orderId, Throwable cause, boolean inDoubt) {
        super(message, cause);
        this.orderId = orderId;
        this.inDoubt = inDoubt;
    }

    static OrderNotPlacedException inDoubt(String message, String orderId, Throwable cause) {
        return new OrderNotPlacedException(message, orderId, cause, true);
    }

    public boolean inDoubt() {
        return inDoubt;
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }
}
