package io.txlab.contracts.event;

import java.util.List;

/** Topic names: the one place both the services and the embedded broker take them from. */
public final class Topics {

    /** Events the order service publishes (tags: {@link OrderCreated#TYPE}, {@link OrderCancelled#TYPE}). */
    public static final String ORDER_EVENTS = "txlab-order-events";

    /** Replies of the participants to the order service (tags: inventory, payment). */
    public static final String ORDER_REPLIES = "txlab-order-replies";

    /** Flash-sale purchases the gate accepted, waiting to be placed as orders (tag: FlashPurchaseAccepted). */
    public static final String FLASH_PURCHASES = "txlab-flash-purchases";

    public static final List<String> ALL = List.of(ORDER_EVENTS, ORDER_REPLIES, FLASH_PURCHASES);

    private Topics() {
    }
}
