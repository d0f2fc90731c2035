package io.txlab.contracts.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A flash-sale purchase the gate accepted: Redis took a unit for {@code orderId}, and the buyer was answered
 * 202 QUEUED. The order service consumes it and places the order (one half message, as every order) at its
 * own pace: the queue takes the peak, not the request threads. Sent as a plain message; placing it twice
 * is harmless, since the order id and the request id are unique keys of the orders table.
 */
public record FlashPurchaseAccepted(String type, int version, String orderId, String saleId, long userId,
                                    long productId, String requestId, Instant acceptedAt) implements Event {

    public static final String TYPE = "FlashPurchaseAccepted";
    public static final int VERSION = 1;

    public FlashPurchaseAccepted {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not a " + TYPE + ": " + type);
        }
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(requestId, "requestId");
    }

    public static FlashPurchaseAccepted of(String orderId, String saleId, long userId, long productId, String requestId,
                                           Instant acceptedAt) {
        return new FlashPurchaseAccepted(TYPE, VERSION, orderId, saleId, userId, productId, requestId, acceptedAt);
    }
}
