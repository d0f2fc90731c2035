package io.txlab.inventory.stock.domain;

import java.time.Instant;

/** A change to a product's stock made for an order: taken by its deduction, or given back by its release. */
public record StockMovement(String orderId, long productId, int quantity, Kind kind, Instant at) {

    public enum Kind { DEDUCT, RELEASE }
}
