package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Topics;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import io.txlab.order.ordering.domain.PlaceOrderCommand;
import io.txlab.order.ordering.domain.Product;
import io.txlab.support.consume.ConcurrentChangeException;
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
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Order placed = Order.place("o-1", new PlaceOrderCommand("r-1", 7L, 1L, 2),
            new Product(1, "Mug", 500), CREATED);

    @BeforeEach
    void placeTheOrder() {
        orders.insert(placed);
    }

    @Test
    void aCancelMovesTheOrderToCancelledWithItsOrderCancelledAndThenTellsTheService() {
        List<Boolean> alsoRanInTheLocalTransaction = new ArrayList<>();
        Order cancelled = placed.cancel("PENDING_TIMEOUT");

        cancelOrder.cancel(cancelled, () -> alsoRanInTheLocalTransaction.add(publisher.inLocalTransaction()));

        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.get("o-1").reason()).isEqualTo("PENDING_TIMEOUT");
        assertThat(publisher.delivered).containsExactly(new ImmediatePublisher.Sent(Topics.ORDER_EVENTS,
                OrderCancelled.TYPE, OrderCancelled.of("o-1", "PENDING_TIMEOUT", NOW)));
        assertThat(alsoRanInTheLocalTransaction).containsExactly(true);
        assertThat(toTheService).containsExactly(new OrderWasCancelled(cancelled));
    }

    @Test
    void anOrderChangedSinceItWasReadIsNotCancelledAndNothingIsDelivered() {
        orders.update(placed.withReply(Order.Part.INVENTORY, true, null));

        assertThatThrownBy(() -> cancelOrder.cancel(placed.cancel("PENDING_TIMEOUT"), () -> { }))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(orders.get("o-1").status()).isEqualTo(OrderStatus.PENDING);
        assertThat(publisher.delivered).isEmpty();
        assertThat(toTheService).as("no flash unit is given back for an order still live").isEmpty();
    }

    @Test
    void aCancelInDoubtFailsAndIsNotToldToTheService() {
        publisher.inDoubtNext();

        assertThatThrownBy(() -> cancelOrder.cancel(placed.cancel("PENDING_TIMEOUT"), () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in doubt");
        assertThat(toTheService).isEmpty();
    }
}
