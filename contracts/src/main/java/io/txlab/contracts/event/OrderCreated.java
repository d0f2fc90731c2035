package io.txlab.contracts.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Published (as a half message) by the order service when an order is placed.
 *
 * <p>Version 2 added {@code saleId}: the flash sale the order was bought in, whose allocated units
 * inventory deducts from instead of the product's stock. Null for a normal order, and in every version 1
 * payload, which still decodes.
 */
public record OrderCreated(String type, int version, String orderId, long userId, long productId,
                           int quantity, long amountCents, Instant createdAt, String saleId) implements Event {

    public static final String TYPE = "OrderCreated";
    public static final int VERSION = 2;

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
        return of(orderId, userId, productId, quantity, amountCents, createdAt, null);
    }

    public static OrderCreated of(String orderId, long userId, long productId, int quantity,
                                  long amountCents, Instant createdAt, String saleId) {
        return new OrderCreated(TYPE, VERSION, orderId, userId, productId, quantity, amountCents, createdAt, saleId);
    }

    public boolean inFlashSale() {
        return saleId != null;
    }
}
