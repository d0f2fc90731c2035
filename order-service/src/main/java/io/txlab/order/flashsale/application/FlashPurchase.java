package io.txlab.order.flashsale.application;

/**
 * The answer to a purchase the gate accepted.
 *
 * @param orderId the order the purchase becomes (GET /api/orders/{orderId} finds it once it is placed)
 * @param status  {@link #QUEUED} until the order is placed, then the order's status
 * @param repeat  true when the same request was accepted before: this answer repeats that one
 */
public record FlashPurchase(String orderId, String status, boolean repeat) {

    /** Accepted and stored in the purchase queue; the order is not placed yet. */
    public static final String QUEUED = "QUEUED";
}
