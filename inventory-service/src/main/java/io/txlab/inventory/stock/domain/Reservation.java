package io.txlab.inventory.stock.domain;

import java.util.Optional;

/** The decision on an order's stock: deduct it, or reject the order with a reason. */
public record Reservation(boolean accepted, Reason reason) {

    public enum Reason { UNKNOWN_PRODUCT, INSUFFICIENT_STOCK }

    public Reservation {
        if (accepted == (reason != null)) {
            throw new IllegalArgumentException("an accepted reservation has no reason, a rejected one has one");
        }
    }

    /** The decision for a product that may not exist. */
    public static Reservation decide(Optional<Stock> stock, int quantity) {
        return stock.map(s -> s.reserve(quantity)).orElseGet(() -> reject(Reason.UNKNOWN_PRODUCT));
    }

    static Reservation accept() {
        return new Reservation(true, null);
    }

    static Reservation reject(Reason reason) {
        return new Reservation(false, reason);
    }
}
