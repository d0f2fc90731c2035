package io.txlab.support.participant;

import io.txlab.support.consume.Consumption;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.metrics.TxLabMeters.Compensation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every participant does with an OrderCancelled, once per order: undo its part if, and only if, it
 * was applied. The barrier row decides, in the same DB transaction as the undo and the dedup row; a
 * cancel that finds nothing applied plants the barrier, so a late OrderCreated is skipped for good.
 */
public final class CompensateOrder {

    private static final Logger log = LoggerFactory.getLogger(CompensateOrder.class);

    private final Consumption consumption;
    private final OrderParts parts;
    private final FaultPoints faults;
    private final TxLabMeters meters;

    CompensateOrder(Consumption consumption, OrderParts parts, FaultPoints faults, TxLabMeters meters) {
        this.consumption = consumption;
        this.parts = parts;
        this.faults = faults;
        this.meters = meters;
    }

    /** @param undo runs inside the transaction, only when the part was applied: release or refund what was taken */
    public void handle(Participant participant, OrderCancelled cancelled, Runnable undo) {
        OrderParts.CancelOutcome[] committed = new OrderParts.CancelOutcome[1];
        consumption.once(participant.tag(), cancelled, delivery -> delivery.commit(() -> {
            faults.pass(FaultPoint.COMPENSATE);
            OrderParts.CancelOutcome outcome = parts.recordCancel(cancelled.orderId());
            committed[0] = outcome;
            switch (outcome) {
                case UNDO -> undo.run();
                case CANCELLED_FIRST -> log.info("{}: cancel before the order's event: nothing to undo (empty "
                        + "compensation); the barrier skips the event if it comes", participant.tag());
                case NOTHING_APPLIED -> log.info("{}: cancel of a part this service rejected: nothing to undo",
                        participant.tag());
                case REPEATED -> log.info("{}: repeated cancel: changes nothing", participant.tag());
            }
            log.info("{} handled OrderCancelled ({}): {}", participant.tag(), cancelled.reason(), outcome);
        }));
        if (committed[0] != null) { // null: a dedup hit, the cancel was handled before
            meters.compensated(participant.tag(), kind(committed[0]));
        }
    }

    private static Compensation kind(OrderParts.CancelOutcome outcome) {
        return switch (outcome) {
            case UNDO -> Compensation.UNDONE;
            case CANCELLED_FIRST -> Compensation.EMPTY;
            case NOTHING_APPLIED -> Compensation.NOTHING_APPLIED;
            case REPEATED -> Compensation.REPEATED;
        };
    }
}
