package io.txlab.contracts.event;

import java.util.Locale;

/** A service that takes part in an order's distributed transaction and replies to it. */
public enum Participant {
    INVENTORY, PAYMENT;

    /** The message tag its replies carry on {@link Topics#ORDER_REPLIES}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
