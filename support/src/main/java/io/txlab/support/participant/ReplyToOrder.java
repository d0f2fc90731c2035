package io.txlab.support.participant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.txlab.support.consume.Consumption;
import io.txlab.support.consume.Consumption.Received;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every participant does with OrderCreated, once per order, a batch at a time. Under one lock for the
 * batch's orders and in one DB transaction, each order's part is applied by a conditional write whose row count
 * is the decision; the batch's dedup rows, barrier rows and movement rows take one statement each. After the
 * commit, the replies go to the order service as one plain batch send, before the broker is acknowledged.
 *
 * <p>Why a plain send cannot lose a reply: until the consume is acknowledged, the delivered message is the
 * outbox. A crash or a failed send between the commit and the acknowledgement gets the message delivered
 * again; its dedup row is found, and the reply is sent again from the outcome the barrier row stored. The
 * order service deduplicates replies on their dedup key, so a reply sent twice is applied once.
 */
public final class ReplyToOrder {

    /** The rejection reason of an order whose cancel arrived before its OrderCreated. */
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private static final Logger log = LoggerFactory.getLogger(ReplyToOrder.class);

    /** A participant's own part of an order. */
    public interface Part {

        /**
         * Runs inside the batch's DB transaction, once per order: applies the part with a conditional
         * write, or rejects the order with a reason when the write changed nothing.
         */
        Verdict apply(OrderCreated order);

        /**
         * The row the part writes (a product's stock, a sale's allocation, an account). A batch applies its
         * orders in the order of these keys, so two batches take their row locks in the same order and
         * never deadlock; orders of one row keep their delivery order.
         */
        String row(OrderCreated order);

        /**
         * Runs inside the batch's DB transaction, after every order of the batch was decided: records what the
         * orders applied on their first delivery did (their movement rows) with one write. An empty list
         * writes nothing.
         */
        void recordApplied(List<OrderCreated> applied);
    }

    private final Consumption consumption;
    private final OrderReplies orderService;
    private final OrderParts parts;
    private final FaultPoints faults;
    private final TxLabMeters meters;

    ReplyToOrder(Consumption consumption, OrderReplies orderService, OrderParts parts, FaultPoints faults,
                 TxLabMeters meters) {
        this.consumption = consumption;
        this.orderService = orderService;
        this.parts = parts;
        this.faults = faults;
        this.meters = meters;
    }

    public void handle(Participant participant, List<OrderCreated> orders, Part part) {
        orders.forEach(order -> pass(FaultPoint.BEFORE_APPLY, order.orderId()));
        consumption.batch(participant.tag(), orders, deliveries -> applyAll(participant, deliveries, part),
                applied -> {
                    countSkipped(participant, applied.skippedLate());
                    sendReplies(participant, applied.replies());
                });
    }

    /** What a batch's transaction decided: the replies to send, and how many late events it skipped for good. */
    private record Applied(List<ParticipantReplied> replies, int skippedLate) {
    }

    private void countSkipped(Participant participant, int skippedLate) {
        for (int i = 0; i < skippedLate; i++) {
            meters.compensated(participant.tag(), TxLabMeters.Compensation.SKIPPED_LATE_EVENT);
        }
    }

    private Applied applyAll(Participant participant, List<Received<OrderCreated>> deliveries, Part part) {
        List<Received<OrderCreated>> inRowOrder = new ArrayList<>(deliveries);
        inRowOrder.sort(Comparator.comparing(delivery -> part.row(delivery.event())));
        Set<String> cancelledFirst = plantBarriers(inRowOrder);
        List<ParticipantReplied> replies = new ArrayList<>();
        List<OrderCreated> applied = new ArrayList<>();
        int skippedLate = 0;
        for (Received<OrderCreated> delivery : inRowOrder) {
            OrderCreated order = delivery.event();
            try (var ignored = LogContext.order(order.orderId())) {
                if (!delivery.first()) {
                    storedOutcome(participant, order).ifPresent(v -> replies.add(reply(participant, order, v)));
                    continue;
                }
                Verdict verdict = applyOnce(participant, order, part, cancelledFirst.contains(order.orderId()));
                replies.add(reply(participant, order, verdict));
                if (verdict.accepted()) {
                    applied.add(order);
                } else if (ORDER_CANCELLED.equals(verdict.reason())) {
                    skippedLate++;
                }
            }
        }
        part.recordApplied(applied);
        return new Applied(replies, skippedLate);
    }

    /** @return the orders of the batch's first deliveries whose cancel came first */
    private Set<String> plantBarriers(List<Received<OrderCreated>> deliveries) {
        return parts.recordAllApplied(deliveries.stream()
                .filter(Received::first)
                .map(delivery -> delivery.event().orderId())
                .toList());
    }

    private Verdict applyOnce(Participant participant, OrderCreated order, Part part, boolean cancelledFirst) {
        if (cancelledFirst) {
            log.info("{}: the order was cancelled before its OrderCreated arrived; skipping it for good",
                    participant.tag());
            parts.skipLateApply(order.orderId(), ORDER_CANCELLED);
            return Verdict.reject(ORDER_CANCELLED);
        }
        Verdict verdict = part.apply(order);
        if (!verdict.accepted()) {
            log.info("{} rejected the order: {}", participant.tag(), verdict.reason());
            parts.rejectApplied(order.orderId(), verdict.reason());
        }
        return verdict;
    }

    /** A redelivery: the effect is committed, but its reply may not have been sent. */
    private Optional<Verdict> storedOutcome(Participant participant, OrderCreated order) {
        Optional<Verdict> stored = parts.outcome(order.orderId(), ORDER_CANCELLED);
        if (stored.isEmpty()) {
            log.warn("{}: dedup row without a barrier row; nothing to reply", participant.tag());
        } else {
            log.info("dedup hit consumer={} key={}: replying again from the stored outcome", participant.tag(),
                    order.dedupKey());
        }
        return stored;
    }

    private void pass(FaultPoint point, String orderId) {
        try (var ignored = LogContext.order(orderId)) {
            faults.pass(point);
        }
    }

    private static ParticipantReplied reply(Participant participant, OrderCreated order, Verdict verdict) {
        return verdict.accepted()
                ? ParticipantReplied.applied(order.orderId(), participant)
                : ParticipantReplied.rejected(order.orderId(), participant, verdict.reason());
    }

    private void sendReplies(Participant participant, List<ParticipantReplied> replies) {
        replies.forEach(reply -> pass(FaultPoint.BEFORE_REPLY, reply.orderId()));
        if (replies.isEmpty()) {
            return;
        }
        orderService.send(replies);
        try (var ignored = LogContext.order(replies.size() == 1 ? replies.get(0).orderId() : null)) {
            long applied = replies.stream().filter(ParticipantReplied::applied).count();
            log.info("{} replied to {} order(s): {} applied, {} rejected", participant.tag(), replies.size(), applied,
                    replies.size() - applied);
        }
    }
}
