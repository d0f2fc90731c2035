package io.txlab.order.flashsale.domain;

/** The gate's store (Redis) did not answer: nothing was taken or given back. */
public final class FlashStockUnavailableException extends RuntimeException {

    public FlashStockUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
