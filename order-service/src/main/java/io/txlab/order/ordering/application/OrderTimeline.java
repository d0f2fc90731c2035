package io.txlab.order.ordering.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.txlab.support.audit.OrderRecords;
import io.txlab.support.audit.TimelineEntry;
import io.txlab.contracts.event.Participant;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.springframework.stereotype.Service;

/**
 * One ordered list of what all three services know about an order. A participant that cannot be asked
 * is named in {@link Timeline#unavailable()} instead of failing the whole timeline.
 */
@Service
public class OrderTimeline {

    /**
     * @param status null when no order row exists (its OrderCreated was rolled back): the entries say why
     */
    public record Timeline(String orderId, String status, String reason, List<TimelineEntry> entries,
                           List<String> unavailable) {
    }

    private final OrderRepository orders;
    private final OrderRecords records;
    private final ParticipantRecordsSource participants;
    private final OutboxRecordsSource outbox;

    public OrderTimeline(OrderRepository orders, OrderRecords records, ParticipantRecordsSource participants,
                         OutboxRecordsSource outbox) {
        this.orders = orders;
        this.records = records;
        this.participants = participants;
        this.outbox = outbox;
    }

    public Timeline of(String orderId) {
        Optional<Order> order = orders.findById(orderId);
        List<TimelineEntry> entries = new ArrayList<>(records.of(orderId));
        entries.addAll(outbox.recordsOf(orderId));
        if (order.isEmpty() && entries.isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        List<String> unavailable = new ArrayList<>();
        for (Participant participant : Participant.values()) {
            try {
                entries.addAll(participants.recordsOf(participant, orderId).entries());
            } catch (RuntimeException e) {
                unavailable.add(participant.tag() + ": " + e.getMessage());
            }
        }
        return new Timeline(orderId, order.map(o -> o.status().name()).orElse(null),
                order.map(Order::reason).orElse(null), TimelineEntry.sorted(entries), unavailable);
    }
}
