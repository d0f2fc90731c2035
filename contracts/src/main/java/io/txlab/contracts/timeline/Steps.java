package io.txlab.contracts.timeline;

import java.util.List;

/** The steps a timeline can show, in the order they happen in when two share a timestamp. */
public final class Steps {

    public static final String HALF_MESSAGE_SENT = "HALF_MESSAGE_SENT";
    public static final String LOCAL_TX_COMMITTED = "LOCAL_TX_COMMITTED";
    public static final String LOCAL_TX_ROLLED_BACK = "LOCAL_TX_ROLLED_BACK";
    public static final String ROLLED_BACK_BY_CHECK_BACK = "ROLLED_BACK_BY_CHECK_BACK";
    public static final String CHECK_BACK = "CHECK_BACK";
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
    /** A delivery that can never be handled (unreadable, unknown type, newer version): in the DLQ at once. */
    public static final String PARKED = "PARKED";
    public static final String CONSUMED = "CONSUMED";
    public static final String REJECTED = "REJECTED";
    public static final String STOCK_DEDUCTED = "STOCK_DEDUCTED";
    public static final String PAYMENT_CHARGED = "PAYMENT_CHARGED";
    public static final String STOCK_RELEASED = "STOCK_RELEASED";
    public static final String PAYMENT_REFUNDED = "PAYMENT_REFUNDED";
    /** The cancel came before anything was applied: nothing to undo, the barrier is planted. */
    public static final String CANCELLED_BEFORE_APPLY = "CANCELLED_BEFORE_APPLY";
    /** The cancel came after a rejection: nothing to undo. */
    public static final String NOTHING_TO_UNDO = "NOTHING_TO_UNDO";
    /** The order's event came after its cancel and was skipped for good. */
    public static final String LATE_APPLY_SKIPPED = "LATE_APPLY_SKIPPED";
    public static final String DEDUP_HIT = "DEDUP_HIT";

    /** Within a local transaction: sent, then the consumption and the effects, then the commit. */
    private static final List<String> ORDER = List.of(HALF_MESSAGE_SENT, DELIVERY_FAILED, PARKED, CONSUMED, REJECTED,
            STOCK_DEDUCTED, PAYMENT_CHARGED, STOCK_RELEASED, PAYMENT_REFUNDED, CANCELLED_BEFORE_APPLY, NOTHING_TO_UNDO,
            LATE_APPLY_SKIPPED, LOCAL_TX_COMMITTED, LOCAL_TX_ROLLED_BACK, ROLLED_BACK_BY_CHECK_BACK, CHECK_BACK,
            DEDUP_HIT);

    private Steps() {
    }

    /** The place of {@code step} among steps that share a timestamp; an unknown step comes last. */
    public static int rank(String step) {
        int rank = ORDER.indexOf(step);
        return rank < 0 ? ORDER.size() : rank;
    }
}
