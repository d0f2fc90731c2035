package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.contracts.event.Topics;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import io.txlab.order.ordering.domain.Product;
import io.txlab.support.consume.ConcurrentChangeException;
import io.txlab.support.consume.InMemoryConsumedMessages;
import io.txlab.support.metrics.TxLabMeters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one cancel path: the move to CANCELLED and its OrderCancelled commit together, or neither happens. */
class CancelOrderTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(90);

    private final InMemoryOrders orders = new InMemoryOrders();
    private final ImmediatePublisher publisher = new ImmediatePublisher();
    private final List<Object> toTheService = new ArrayList<>();
    private final CancelOrder cancelOrder = new CancelOrder(orders, publisher, toTheService::add,
            Clock.fixed(NOW, ZoneOffset.UTC), TxLabMeters.none());
    private final Order placed = Order.place("o-1", new PlaceOrderCommand("r-1", 7L, 1L, 2),
            new Product(1, "Mug", 500), CREATED);

    @BeforeEach
    void placeTheOrder() {
        orders.insert(placed);
    }

    @Test
    void aCancelMovesTheOrderToCancelledWithItsOrderCancelledAndThenTellsTheService() {
        Order cancelled = placed.cancel("PENDING_TIMEOUT");

        cancelOrder.cancel(cancelled);

        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.get("o-1").reason()).isEqualTo("PENDING_TIMEOUT");
        assertThat(publisher.delivered).containsExactly(new ImmediatePublisher.Sent(Topics.ORDER_EVENTS,
                OrderCancelled.TYPE, OrderCancelled.of("o-1", "PENDING_TIMEOUT", NOW)));
        assertThat(toTheService).containsExactly(new OrderWasCancelled(cancelled));
    }

    @Test
    void aCancelDecidedByAReplyRecordsTheReplyInTheCancelsLocalTransaction() {
        InMemoryConsumedMessages consumed = new InMemoryConsumedMessages();
        ParticipantReplied rejected = ParticipantReplied.rejected("o-1", Participant.PAYMENT, "INSUFFICIENT_FUNDS");
        Order cancelled = placed.cancel("INSUFFICIENT_FUNDS");

        consumed.consumption().once("order", rejected, delivery -> cancelOrder.cancel(cancelled, delivery));

        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(consumed.recorded("order", rejected.dedupKey())).isTrue();
        assertThat(publisher.delivered).hasSize(1);
    }

    @Test
    void aRepeatedReplyRollsTheCancelBackAndIsCountedAsADuplicate() {
        InMemoryConsumedMessages consumed = new InMemoryConsumedMessages();
        ParticipantReplied rejected = ParticipantReplied.rejected("o-1", Participant.PAYMENT, "INSUFFICIENT_FUNDS");
        consumed.consumption().once("order", rejected, delivery -> delivery.commit(() -> { }));

        consumed.consumption().once("order", rejected,
                delivery -> cancelOrder.cancel(placed.cancel("INSUFFICIENT_FUNDS"), delivery));

        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(publisher.delivered).isEmpty();
        // counted (how often is the database's: its rollback takes back the upsert's count; ConsumptionTest)
        assertThat(consumed.duplicates("order", rejected.dedupKey())).isPositive();
    }

    @Test
    void anOrderChangedSinceItWasReadIsNotCancelledAndNothingIsDelivered() {
        orders.update(placed.withReply(Order.Part.INVENTORY, true, null));

        assertThatThrownBy(() -> cancelOrder.cancel(placed.cancel("PENDING_TIMEOUT")))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(publisher.delivered).isEmpty();
        assertThat(toTheService).as("no flash unit is given back for an order still live").isEmpty();
    }

    @Test
    void aCancelInDoubtFailsAndIsNotToldToTheService() {
        publisher.inDoubtNext();

        assertThatThrownBy(() -> cancelOrder.cancel(placed.cancel("PENDING_TIMEOUT")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in doubt");
        assertThat(toTheService).isEmpty();
    }
}
