package io.txlab.order.ordering.application;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.txlab.contracts.timeline.Steps;
import io.txlab.support.audit.TimelineEntry;
import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.Topics;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.PartOutcome;

/**
 * Whether an order PENDING past the deadline is merely waiting in a backlog, so that the sweeper leaves it.
 * Each part the order still awaits may still arrive while:
 * <ul>
 *   <li>the participant's consumer group has not consumed OrderCreated's topic through the order's creation
 *       (its OrderCreated may still be queued), or</li>
 *   <li>the participant has consumed OrderCreated, and the order service's reply consumer has not consumed its
 *       topic through that moment (the reply may still be queued).</li>
 * </ul>
 * The order waits only while every awaited part may still arrive: once one cannot (the broker discarded the half
 * message, the participant keeps failing, a reply went to the dead letters), cancelling it is right. The broker
 * is asked once per group per sweep. {@link #MARGIN} covers the time between the instant compared and the store
 * time of the message (a check-back's commit, the reply's send after the participant's commit) and clock skew.
 */
final class StillOnItsWay {

    static final Duration MARGIN = Duration.ofSeconds(10);

    private final ConsumerBacklog backlog;
    private final ParticipantRecordsSource participants;
    private final Map<String, Instant> consumedThrough = new HashMap<>();

    /** One per sweep: the consumer groups are read once, when first needed. */
    StillOnItsWay(ConsumerBacklog backlog, ParticipantRecordsSource participants) {
        this.backlog = backlog;
        this.participants = participants;
    }

    /**
     * @return why the order may still complete (what is still queued), or empty when an awaited part cannot arrive
     * @throws RuntimeException when the broker or a participant cannot tell now
     */
    Optional<String> why(Order order) {
        String queued = null;
        for (Participant participant : Participant.values()) {
            if (order.outcomeOf(Order.Part.of(participant)) != PartOutcome.AWAITED) {
                continue;
            }
            Optional<String> part = stillQueued(order, participant);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            queued = queued == null ? part.get() : queued + "; " + part.get();
        }
        return Optional.ofNullable(queued);
    }

    private Optional<String> stillQueued(Order order, Participant participant) {
        if (notConsumedThrough(ConsumerGroups.orderCreatedGroupOf(participant), Topics.ORDER_EVENTS,
                order.createdAt())) {
            return Optional.of("OrderCreated still queued for " + participant.tag());
        }
        Optional<Instant> consumed = consumedAt(participant, order.orderId());
        if (consumed.isPresent() && notConsumedThrough(ConsumerGroups.ORDER_REPLIES, Topics.ORDER_REPLIES,
                consumed.get())) {
            return Optional.of(participant.tag() + "'s reply still queued");
        }
        return Optional.empty();
    }

    private boolean notConsumedThrough(String group, String topic, Instant stored) {
        Instant through = consumedThrough.computeIfAbsent(group + "@" + topic, key -> backlog.consumedThrough(group, topic));
        return !through.equals(Instant.MAX) && through.isBefore(stored.plus(MARGIN));
    }

    private Optional<Instant> consumedAt(Participant participant, String orderId) {
        return participants.recordsOf(participant, orderId).entries().stream()
                .filter(entry -> entry.step().equals(Steps.CONSUMED))
                .map(TimelineEntry::at)
                .findFirst();
    }
}
