package io.txlab.order.flashsale.application;

public final class FlashSaleNotFoundException extends RuntimeException {

    public FlashSaleNotFoundException(String saleId) {
        super("no flash sale " + saleId);
    }
}
