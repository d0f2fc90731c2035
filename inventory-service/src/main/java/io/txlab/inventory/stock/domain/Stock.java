package io.txlab.inventory.stock.domain;

/** How many units of a product can still be sold. */
public record Stock(long productId, int available, int version) {

    public Stock {
        if (available < 0) {
            throw new IllegalArgumentException("stock of product " + productId + " is negative: " + available);
        }
    }

    /** Decides whether {@code quantity} units can be deducted from what is available now. */
    public Reservation reserve(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return quantity <= available ? Reservation.accept() : Reservation.reject(Reservation.Reason.INSUFFICIENT_STOCK);
    }
}
