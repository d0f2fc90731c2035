package io.txlab.common.event;

import java.time.Instant;
import java.util.Objects;

/** Published (as a half message) by the order service when an order is placed. */
public record OrderCreated(String type, int version, String orderId, long userId, long productId,
                           int quantity, long amountCents, Instant createdAt) implements Event {

    public static final String TYPE = "OrderCreated";
    public static final int VERSION = 1;

    public OrderCreated {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not an " + TYPE + ": " + type);
        }
        Objects.requireNonNull(orderId, "orderId");
        if (quantity <= 0 || amountCents < 0) {
            throw new IllegalArgumentException("quantity must be positive and amount not negative");
        }
    }

    public static OrderCreated of(String orderId, long userId, long productId, int quantity,
                                  long amountCents, Instant createdAt) {
        return new OrderCreated(TYPE, VERSION, orderId, userId, productId, quantity, amountCents, createdAt);
    }
}
