package io.txlab.order.flashsale.domain;

/** Inventory could not be asked to allocate a sale's units (unreachable, or it refused the call). */
public final class InventoryUnreachableException extends RuntimeException {

    public InventoryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
