package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.contracts.event.Topics;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import io.txlab.order.ordering.domain.PartOutcome;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import io.txlab.order.ordering.domain.Product;
import io.txlab.support.consume.InMemoryConsumedMessages;
import io.txlab.support.metrics.MicrometerMeters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The participants' replies: each applied once; both parts applied confirm the order, one rejection cancels it. */
class RecordParticipantReplyTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(1);

    private final InMemoryOrders orders = new InMemoryOrders();
    private final ImmediatePublisher publisher = new ImmediatePublisher();
    private final List<Object> toTheService = new ArrayList<>();
    private final InMemoryConsumedMessages consumed = new InMemoryConsumedMessages();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMeters meters = new MicrometerMeters(registry);
    private final RecordParticipantReply recordReply = new RecordParticipantReply(consumed.consumption(meters), orders,
            new CancelOrder(orders, publisher, toTheService::add, Clock.fixed(NOW, ZoneOffset.UTC), meters), meters,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void placeTheOrders() {
        orders.insert(placed("o-1"));
        orders.insert(placed("o-2"));
    }

    @Test
    void anAppliedPartIsRecordedAndTheOrderWaitsForTheOther() {
        recordReply.handle(List.of(ParticipantReplied.applied("o-1", Participant.INVENTORY)));

        Order order = orders.get("o-1");
        assertThat(order.inventory()).isEqualTo(PartOutcome.APPLIED);
        assertThat(order.payment()).isEqualTo(PartOutcome.AWAITED);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(publisher.delivered).isEmpty();
    }

    @Test
    void bothPartsAppliedConfirmTheOrder() {
        recordReply.handle(List.of(ParticipantReplied.applied("o-1", Participant.INVENTORY)));
        recordReply.handle(List.of(ParticipantReplied.applied("o-1", Participant.PAYMENT)));

        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(orders.get("o-2").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(registry.get("txlab.time.to.consistency").tag("status", "CONFIRMED").timer()
                .totalTime(TimeUnit.SECONDS)).as("created to confirmed").isEqualTo(1.0);
    }

    @Test
    void bothPartsOfAnOrderInOneBatchConfirmItWithOneUpdate() {
        recordReply.handle(List.of(ParticipantReplied.applied("o-1", Participant.INVENTORY),
                ParticipantReplied.applied("o-2", Participant.PAYMENT),
                ParticipantReplied.applied("o-1", Participant.PAYMENT)));

        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(orders.get("o-1").version()).as("one UPDATE for both replies").isEqualTo(1);
        assertThat(orders.get("o-2").payment()).isEqualTo(PartOutcome.APPLIED);
    }

    @Test
    void aRepeatedReplyChangesNothing() {
        ParticipantReplied applied = ParticipantReplied.applied("o-1", Participant.INVENTORY);
        recordReply.handle(List.of(applied));

        recordReply.handle(List.of(applied));

        assertThat(orders.get("o-1").version()).isEqualTo(1);
        assertThat(consumed.recorded("order", applied.dedupKey())).isTrue();
        assertThat(consumed.duplicates("order", applied.dedupKey())).as("the repeat is counted on its row").isEqualTo(1);
    }

    @Test
    void aRejectionCancelsTheOrderWithItsReasonThroughOrderCancelledAndItsDedupRowInTheSameTransaction() {
        ParticipantReplied rejected = ParticipantReplied.rejected("o-1", Participant.PAYMENT, "INSUFFICIENT_FUNDS");

        recordReply.handle(List.of(rejected));

        Order order = orders.get("o-1");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.payment()).isEqualTo(PartOutcome.REJECTED);
        assertThat(order.reason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(publisher.delivered).containsExactly(new ImmediatePublisher.Sent(Topics.ORDER_EVENTS,
                OrderCancelled.TYPE, OrderCancelled.of("o-1", "INSUFFICIENT_FUNDS", NOW)));
        assertThat(consumed.recorded("order", rejected.dedupKey())).isTrue();
        assertThat(toTheService).singleElement().isInstanceOf(OrderWasCancelled.class);
    }

    @Test
    void aRepeatedRejectionIsADedupHitAndCancelsNothingAgain() {
        ParticipantReplied rejected = ParticipantReplied.rejected("o-1", Participant.PAYMENT, "INSUFFICIENT_FUNDS");
        recordReply.handle(List.of(rejected));

        recordReply.handle(List.of(rejected));

        assertThat(publisher.delivered).hasSize(1);
        assertThat(orders.get("o-1").version()).isEqualTo(1);
        assertThat(consumed.duplicates("order", rejected.dedupKey())).isEqualTo(1);
    }

    @Test
    void aReplyForAnOrderThatDoesNotExistFailsSoTheBrokerRedeliversIt() {
        assertThatThrownBy(() -> recordReply.handle(List.of(ParticipantReplied.applied("o-9", Participant.PAYMENT))))
                .isInstanceOf(OrderNotFoundException.class);
        assertThat(consumed.recorded("order", ParticipantReplied.applied("o-9", Participant.PAYMENT).dedupKey()))
                .as("rolled back with the batch").isFalse();
    }

    private static Order placed(String orderId) {
        return Order.place(orderId, new PlaceOrderCommand("r-" + orderId, 7L, 1L, 2), new Product(1, "Mug", 500),
                CREATED);
    }
}
