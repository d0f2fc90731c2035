package io.txlab.contracts.event;

import java.util.List;

/**
 * Consumer group names: the one place both the services' listeners and the embedded broker (which
 * pre-creates each group's retry topic) take them from.
 */
public final class ConsumerGroups {

    /** Inventory's {@link OrderCreated} consumer. */
    public static final String INVENTORY = "txlab-inventory";
    /** Inventory's {@link OrderCancelled} consumer. */
    public static final String INVENTORY_COMPENSATION = "txlab-inventory-compensation";
    public static final String PAYMENT = "txlab-payment";
    public static final String PAYMENT_COMPENSATION = "txlab-payment-compensation";
    /** The order service's consumer of the participants' replies. */
    public static final String ORDER_REPLIES = "txlab-order-replies";

    /** The order service's consumer of accepted flash-sale purchases, which places their orders. */
    public static final String ORDER_FLASH_PURCHASES = "txlab-order-flash-purchases";

    public static final List<String> ALL = List.of(INVENTORY, INVENTORY_COMPENSATION, PAYMENT, PAYMENT_COMPENSATION,
            ORDER_REPLIES, ORDER_FLASH_PURCHASES);

    /** The group in which {@code participant} consumes {@link OrderCreated}. */
    public static String orderCreatedGroupOf(Participant participant) {
        return switch (participant) {
            case INVENTORY -> INVENTORY;
            case PAYMENT -> PAYMENT;
        };
    }

    private ConsumerGroups() {
    }
}
