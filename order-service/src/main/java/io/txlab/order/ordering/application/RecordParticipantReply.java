package io.txlab.order.ordering.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.txlab.support.consume.Consumption;
import io.txlab.support.consume.Consumption.Received;
import io.txlab.support.consume.Delivery;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import io.txlab.order.ordering.domain.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies inventory and payment replies to their orders, once each: PENDING → CONFIRMED, or CANCELLED on the
 * first rejection, in which case the move to CANCELLED and the reply's dedup row are the local transaction
 * of the OrderCancelled half message. Replies that apply come a batch at a time: one lock, one DB
 * transaction, one locking read of the batch's orders and one UPDATE per order changed (both replies of an
 * order in one batch make one UPDATE). A rejection is handled alone, with its own half message.
 */
@Service
public class RecordParticipantReply {

    public static final String CONSUMER = "order";

    private static final Logger log = LoggerFactory.getLogger(RecordParticipantReply.class);

    private final Consumption consumption;
    private final OrderRepository orders;
    private final CancelOrder cancelOrder;
    private final TxLabMeters meters;
    private final Clock clock;

    public RecordParticipantReply(Consumption consumption, OrderRepository orders, CancelOrder cancelOrder,
                                  TxLabMeters meters, Clock clock) {
        this.consumption = consumption;
        this.orders = orders;
        this.cancelOrder = cancelOrder;
        this.meters = meters;
        this.clock = clock;
    }

    public void handle(List<ParticipantReplied> replies) {
        replies.stream().filter(reply -> !reply.applied()).forEach(this::handleRejection);
        List<ParticipantReplied> applied = replies.stream().filter(ParticipantReplied::applied).toList();
        if (!applied.isEmpty()) {
            consumption.batch(CONSUMER, applied, this::recordApplied, this::logConfirmed);
        }
    }

    private void handleRejection(ParticipantReplied reply) {
        try (var ignored = LogContext.order(reply.orderId())) {
            consumption.once(CONSUMER, reply, this::record);
        }
    }

    /** @return the orders this batch confirmed */
    private List<Order> recordApplied(List<Received<ParticipantReplied>> deliveries) {
        deliveries.stream().filter(delivery -> !delivery.first()).forEach(delivery -> log.info(
                "dedup hit consumer={} key={}: its dedup row exists, nothing to do", CONSUMER, delivery.event().dedupKey()));
        List<ParticipantReplied> first = deliveries.stream().filter(Received::first).map(Received::event).toList();
        if (first.isEmpty()) {
            return List.of();
        }
        Map<String, Order> current = new HashMap<>();
        orders.findForUpdate(first.stream().map(ParticipantReplied::orderId).distinct().toList())
                .forEach(order -> current.put(order.orderId(), order));
        Set<String> changed = new LinkedHashSet<>();
        for (ParticipantReplied reply : first) {
            Order order = current.get(reply.orderId());
            if (order == null) {
                // Replies are only ever sent for committed orders, so a missing row is a fault: redeliver.
                throw new OrderNotFoundException(reply.orderId());
            }
            Order updated = order.withReply(Order.Part.of(reply.participant()), true, null);
            if (!updated.equals(order)) {
                current.put(reply.orderId(), updated);
                changed.add(reply.orderId());
            }
        }
        List<Order> updates = changed.stream().map(current::get).toList();
        updates.forEach(orders::update);
        return updates.stream().filter(order -> order.status() == OrderStatus.CONFIRMED).toList();
    }

    private void logConfirmed(List<Order> confirmed) {
        if (!confirmed.isEmpty()) {
            Instant now = clock.instant();
            confirmed.forEach(order -> meters.reachedFinalState(OrderStatus.CONFIRMED.name(),
                    Duration.between(order.createdAt(), now)));
            try (var ignored = LogContext.order(confirmed.size() == 1 ? confirmed.get(0).orderId() : null)) {
                log.info("replies recorded: {} order(s) CONFIRMED", confirmed.size());
            }
        }
    }

    private void record(Delivery<ParticipantReplied> delivery) {
        ParticipantReplied reply = delivery.event();
        // Replies are only ever sent for committed orders, so a missing row is a fault: redeliver.
        Order order = orders.findById(reply.orderId()).orElseThrow(() -> new OrderNotFoundException(reply.orderId()));
        Order updated = order.withReply(Order.Part.of(reply.participant()), reply.applied(), reply.reason());
        log.info("{} replied {}{}: order {} -> {}", reply.participant(), reply.applied() ? "APPLIED" : "REJECTED",
                reply.applied() ? "" : " (" + reply.reason() + ")", order.status(), updated.status());
        if (updated.cancels(order)) {
            cancelOrder.cancel(updated, delivery);
        } else {
            delivery.commit(() -> {
                if (!updated.equals(order)) {
                    orders.update(updated);
                }
            });
        }
    }
}
