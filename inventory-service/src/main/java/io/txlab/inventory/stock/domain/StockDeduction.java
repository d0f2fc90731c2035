package io.txlab.inventory.stock.domain;

/**
 * What an applied order's deduction took, to be recorded as its DEDUCT movement: from the flash sale
 * {@code saleId}'s allocation, or from the product's stock when {@code saleId} is null.
 */
public record StockDeduction(String orderId, long productId, String saleId, int quantity) {
}
