package io.txlab.common.participant;

import java.util.function.Supplier;

import io.txlab.common.consume.ConcurrentChangeException;
import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.event.OrderCreated;
import io.txlab.common.event.Participant;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.common.event.Topics;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.tx.PublishResult;
import io.txlab.common.tx.TransactionalPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every participant does with an OrderCreated, once per order: decide, then reply with a half
 * message whose local transaction records the consumption and applies the part if it was accepted.
 * The reply's body is fixed before its local transaction runs, so the decision comes first and the
 * effect re-checks it (a conditional UPDATE, or the barrier row, that throws ConcurrentChangeException,
 * and the whole handling runs again).
 */
public final class ReplyToOrder {

    /** The rejection reason of an order whose cancel arrived before its OrderCreated. */
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private static final Logger log = LoggerFactory.getLogger(ReplyToOrder.class);

    private final IdempotentConsumer consumer;
    private final TransactionalPublisher publisher;
    private final OrderParts parts;
    private final FaultPoints faults;

    ReplyToOrder(IdempotentConsumer consumer, TransactionalPublisher publisher, OrderParts parts, FaultPoints faults) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.parts = parts;
        this.faults = faults;
    }

    /**
     * @param decide runs under the order's lock, again on every attempt
     * @param apply  runs inside the reply's local transaction, only for an accepted verdict
     */
    public void handle(Participant participant, OrderCreated order, Supplier<Verdict> decide, Runnable apply) {
        consumer.runOnce(participant.tag(), order,
                () -> reply(participant, order, decideUnlessCancelled(participant, order, decide), apply));
    }

    private Verdict decideUnlessCancelled(Participant participant, OrderCreated order, Supplier<Verdict> decide) {
        if (parts.cancelledFirst(order.orderId())) {
            log.info("{}: the order was cancelled before its OrderCreated arrived; skipping it for good",
                    participant.tag());
            return Verdict.reject(ORDER_CANCELLED);
        }
        return decide.get();
    }

    private void reply(Participant participant, OrderCreated order, Verdict verdict, Runnable apply) {
        ParticipantReplied reply = verdict.accepted()
                ? ParticipantReplied.applied(order.orderId(), participant)
                : ParticipantReplied.rejected(order.orderId(), participant, verdict.reason());
        faults.pass(participant.tag() + ".before-reply");

        PublishResult result = publisher.publish(Topics.ORDER_REPLIES, participant.tag(), reply, txId -> {
            consumer.markConsumed(participant.tag(), order);
            if (!verdict.accepted()) {
                parts.recordRejected(order.orderId(), verdict.reason());
            } else if (parts.recordApplied(order.orderId())) {
                apply.run();
            } else {
                throw new ConcurrentChangeException("order " + order.orderId() + " was cancelled meanwhile");
            }
        });
        // AlreadyConsumed and ConcurrentChange rethrown here are handled by the idempotent consumer.
        result.requireRecorded();
        log.info("{} reply {} applied={} txId={}", participant.tag(), result.outcome(), reply.applied(), result.txId());
    }
}
