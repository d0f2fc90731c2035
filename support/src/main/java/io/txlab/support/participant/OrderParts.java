package io.txlab.support.participant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port to a participant's barrier: one row per order, inserted by whichever of the order's event and its cancel
 * commits first. Every method runs inside the caller's DB transaction, next to the effect it guards.
 */
interface OrderParts {

    enum State { APPLIED, REJECTED, COMPENSATED, CANCELLED_FIRST }

    /** What a cancel found, and so what it must do. */
    enum CancelOutcome {
        /** The part was applied: undo it now. */
        UNDO,
        /** Nothing applied yet: a barrier is planted, and the order's event, if it ever comes, is skipped. */
        CANCELLED_FIRST,
        /** The part was rejected: nothing to undo. */
        NOTHING_APPLIED,
        /** Already cancelled: a repeated cancel changes nothing. */
        REPEATED
    }

    /**
     * Plants the barriers for a batch's orders' events, tentatively APPLIED, with one write; each part's own
     * conditional write then decides, and {@link #rejectApplied} corrects a row whose write failed.
     *
     * @return the orders whose cancel got there first: their parts must not be applied
     */
    Set<String> recordAllApplied(List<String> orderIds);

    /** The part could not be applied after all (its conditional write changed nothing). */
    void rejectApplied(String orderId, String reason);

    /** The order's event arrived after its cancel: recorded on the barrier, and skipped for good. */
    void skipLateApply(String orderId, String reason);

    /**
     * The outcome the first delivery of the order's event recorded, which a redelivery replies again:
     * applied (also when compensated since), or rejected with its reason ({@code cancelledReason} when the
     * cancel came first). Empty when no event of the order was handled here.
     */
    Optional<Verdict> outcome(String orderId, String cancelledReason);

    /** Plants the barrier for a cancel, or marks the order's row cancelled: what it found says what to undo. */
    CancelOutcome recordCancel(String orderId);
}
