package io.txlab.inventory.stock.domain;

/** A flash sale's units, taken out of a product's stock; {@code remaining} of them not yet sold. */
public record FlashAllocation(String saleId, long productId, int units, int remaining) {
}
