package io.txlab.order.flashsale.application;

/** Inventory has fewer units of the product than the sale asks for; nothing was moved. */
public final class NotEnoughStockException extends RuntimeException {

    public NotEnoughStockException(long productId, int units) {
        super("product " + productId + " has fewer than " + units + " units in stock");
    }
}
