package io.txlab.order.flashsale.application;

/** The purchase queue did not confirm an accepted purchase; its unit goes back to the sale. */
public class PurchaseNotQueuedException extends RuntimeException {

    private final String orderId;

    public PurchaseNotQueuedException(String message, String orderId, Throwable cause) {
        super(message, cause);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
