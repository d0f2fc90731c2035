package io.txlab.order.ordering.application;

/** A request id that was already used for a different order. */
public final class RequestIdConflictException extends RuntimeException {

    private final String orderId;

    public RequestIdConflictException(String requestId, String orderId) {
        super("requestId " + requestId + " was already used for a different order (" + orderId + ")");
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
