package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.txlab.support.audit.ServiceRecords;
import io.txlab.contracts.timeline.Steps;
import io.txlab.support.audit.TimelineEntry;
import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.Participant;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.junit.jupiter.api.Test;

/** The sweeper's backlog rule, with the broker's consume stats and the participants' records as lambda fakes. */
class StillOnItsWayTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant LONG_AFTER = CREATED.plusSeconds(300);

    private final Map<String, Instant> consumedThrough = new HashMap<>();
    private final Map<Participant, Instant> consumedAt = new HashMap<>();
    private final List<String> groupsAsked = new ArrayList<>();

    private final ConsumerBacklog backlog = (group, topic) -> {
        groupsAsked.add(group);
        return consumedThrough.getOrDefault(group, Instant.MAX);
    };
    private final ParticipantRecordsSource participants = (participant, orderId) -> new ServiceRecords(
            participant.tag(), orderId, consumedAt.containsKey(participant)
            ? List.of(new TimelineEntry(consumedAt.get(participant), participant.tag(), Steps.CONSUMED,
            "consumed OrderCreated", null, null))
            : List.of());

    @Test
    void anOrderCreatedStillQueuedForAParticipantKeepsTheOrderWaiting() {
        consumedThrough.put(ConsumerGroups.INVENTORY, CREATED.minusSeconds(40));
        Order order = pending().withReply(Order.Part.PAYMENT, true, null);

        assertThat(new StillOnItsWay(backlog, participants).why(order))
                .contains("OrderCreated still queued for inventory");
    }

    @Test
    void aReplyStillQueuedForTheOrderServiceKeepsTheOrderWaiting() {
        consumedAt.put(Participant.INVENTORY, CREATED.plusSeconds(100));
        consumedThrough.put(ConsumerGroups.ORDER_REPLIES, CREATED.plusSeconds(95));
        Order order = pending().withReply(Order.Part.PAYMENT, true, null);

        assertThat(new StillOnItsWay(backlog, participants).why(order)).contains("inventory's reply still queued");
    }

    @Test
    void aHalfMessageTheBrokerDiscardedIsNotOnItsWay() {
        Order order = pending();

        assertThat(new StillOnItsWay(backlog, participants).why(order)).isEmpty();
    }

    @Test
    void aParticipantThatConsumedPastTheOrderWithoutRecordingItWillNotReply() {
        consumedThrough.put(ConsumerGroups.INVENTORY, LONG_AFTER);
        consumedThrough.put(ConsumerGroups.PAYMENT, CREATED.minusSeconds(1));

        assertThat(new StillOnItsWay(backlog, participants).why(pending()))
                .as("payment may still come, but inventory never will: cancel").isEmpty();
    }

    @Test
    void aReplyConsumedPastWithoutReachingTheOrderIsNotOnItsWay() {
        consumedAt.put(Participant.INVENTORY, CREATED.plusSeconds(1));
        consumedThrough.put(ConsumerGroups.ORDER_REPLIES, CREATED.plusSeconds(60));
        Order order = pending().withReply(Order.Part.PAYMENT, true, null);

        assertThat(new StillOnItsWay(backlog, participants).why(order)).isEmpty();
    }

    @Test
    void withinTheMarginAMessageStoredAfterTheInstantComparedStillCounts() {
        consumedThrough.put(ConsumerGroups.INVENTORY, CREATED.plus(StillOnItsWay.MARGIN).minusMillis(1));
        Order order = pending().withReply(Order.Part.PAYMENT, true, null);

        assertThat(new StillOnItsWay(backlog, participants).why(order)).isPresent();
    }

    @Test
    void bothPartsQueuedAreBothNamedAndEachGroupIsAskedOncePerSweep() {
        consumedThrough.put(ConsumerGroups.INVENTORY, Instant.EPOCH);
        consumedThrough.put(ConsumerGroups.PAYMENT, CREATED.minusSeconds(5));
        StillOnItsWay sweep = new StillOnItsWay(backlog, participants);

        assertThat(sweep.why(pending())).contains("OrderCreated still queued for inventory; OrderCreated still queued "
                + "for payment");
        assertThat(sweep.why(pending())).isPresent();
        assertThat(groupsAsked).containsExactly(ConsumerGroups.INVENTORY, ConsumerGroups.PAYMENT);
    }

    @Test
    void whenTheBrokerCannotTellTheSweepLearnsNothing() {
        ConsumerBacklog silent = (group, topic) -> {
            throw new IllegalStateException("no route to the broker");
        };

        assertThatThrownBy(() -> new StillOnItsWay(silent, participants).why(pending()))
                .hasMessage("no route to the broker");
    }

    private static Order pending() {
        return Order.place("order-1", new PlaceOrderCommand("request-1", 7L, 4L, 1), new Product(4, "Mug", 1990),
                CREATED);
    }
}
