package io.txlab.support.messaging;

import io.txlab.contracts.event.ParkedDelivery;

/**
 * Why a delivered message can never be handled: it would fail the same way on every delivery, so it is
 * parked at once instead of retried. A refusal, not a fault: no stack trace.
 */
final class PoisonMessage extends Exception {

    private final String reason;
    private final String claimedType;
    private final String orderId;
    private final String detail;

    /**
     * @param reason      short, for the marker: "unreadable payload", "unknown type X", "version N newer than known M"
     * @param claimedType the type the message says it is, for delivery_failure.event_type
     * @param orderId     the order the payload names, null when it cannot tell
     */
    PoisonMessage(String reason, String claimedType, String orderId, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
        this.claimedType = claimedType;
        this.orderId = orderId;
        this.detail = detail;
    }

    String reason() {
        return reason;
    }

    String claimedType() {
        return claimedType;
    }

    String orderId() {
        return orderId;
    }

    /** delivery_failure.error: the marker and the reason, then the detail. */
    String error() {
        return ParkedDelivery.error(reason, detail);
    }
}
