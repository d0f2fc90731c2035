package io.txlab.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import io.txlab.order.ordering.domain.Product;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/** Placing an order: a new one, a repeat of the same request, a request id reused, and an outcome in doubt. */
class PlaceOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Product KEYBOARD = new Product(1, "Keyboard", 4_990);

    private final InMemoryOrders orders = new InMemoryOrders();
    private final StoringPublication halfMessage = new StoringPublication(PublishMode.TRANSACTIONAL, orders);
    private final StoringPublication outbox = new StoringPublication(PublishMode.OUTBOX, orders);
    private final PlaceOrder placeOrder = new PlaceOrder(orders,
            productId -> productId == KEYBOARD.productId() ? Optional.of(KEYBOARD) : Optional.empty(),
            List.of(halfMessage, outbox), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aNewOrderIsRecordedPendingWithItsOrderCreatedAtTheQuotedPrice() {
        PlacedOrder placed = placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3));

        Order order = placed.order();
        assertThat(placed.replayed()).isFalse();
        assertThat(orders.all()).containsExactly(order);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.amountCents()).isEqualTo(3 * 4_990);
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(halfMessage.events).containsExactly(
                OrderCreated.of(order.orderId(), 7, 1, 3, 3 * 4_990, NOW));
        assertThat(outbox.events).isEmpty();
    }

    @Test
    void theOutboxModePublishesThroughTheOutbox() {
        PlacedOrder placed = placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3), PublishMode.OUTBOX);

        assertThat(outbox.published).containsExactly(placed.order().orderId());
        assertThat(halfMessage.published).isEmpty();
    }

    @Test
    void theSameRequestAgainReturnsTheFirstOrderAndPublishesNothing() {
        PlacedOrder first = placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3));

        PlacedOrder again = placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3));

        assertThat(again).isEqualTo(new PlacedOrder(first.order(), true));
        assertThat(orders.all()).hasSize(1);
        assertThat(halfMessage.published).containsExactly(first.order().orderId());
    }

    @Test
    void aRequestIdUsedForADifferentOrderIsAConflictNamingTheFirstOrder() {
        PlacedOrder first = placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3));

        assertThatThrownBy(() -> placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 2)))
                .isInstanceOfSatisfying(RequestIdConflictException.class,
                        conflict -> assertThat(conflict.orderId()).isEqualTo(first.order().orderId()));
        assertThat(orders.all()).containsExactly(first.order());
        assertThat(halfMessage.published).hasSize(1);
    }

    @Test
    void aConcurrentRepeatThatLosesOnTheRequestIdKeyReturnsTheWinnerAndPublishesNothing() {
        Order winner = Order.place("winner", new PlaceOrderCommand("r-1", 7L, 1L, 3), KEYBOARD, NOW);
        halfMessage.commitsFirst(winner);

        PlacedOrder placed = placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3));

        assertThat(placed).isEqualTo(new PlacedOrder(winner, true));
        assertThat(halfMessage.rolledBack).singleElement().isInstanceOf(DuplicateKeyException.class);
        assertThat(orders.all()).containsExactly(winner);
        assertThat(halfMessage.published).isEmpty();
    }

    @Test
    void anOutcomeInDoubtIsNotPlacedButRetryableAndNamesTheOrderForItsCheckBacks() {
        halfMessage.inDoubtNext(new TransactionSystemException("connection lost during commit"));

        assertThatThrownBy(() -> placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3)))
                .isInstanceOfSatisfying(OrderNotPlacedException.class, notPlaced -> {
                    assertThat(notPlaced.inDoubt()).isTrue();
                    assertThat(notPlaced.orderId()).isPresent();
                    assertThat(notPlaced).hasMessageContaining("check-back")
                            .hasCauseInstanceOf(TransactionSystemException.class);
                });
        assertThat(halfMessage.published).isEmpty();
    }

    @Test
    void anyOtherRollbackIsNotPlacedAndNotInDoubt() {
        halfMessage.rollBackNext(new IllegalStateException("lock wait timeout"));

        assertThatThrownBy(() -> placeOrder.place(new PlaceOrderCommand("r-1", 7L, 1L, 3)))
                .isInstanceOfSatisfying(OrderNotPlacedException.class,
                        notPlaced -> assertThat(notPlaced.inDoubt()).isFalse());
        assertThat(orders.all()).isEmpty();
    }

    @Test
    void anUnknownProductIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> placeOrder.place(new PlaceOrderCommand("r-1", 7L, 99L, 1)))
                .isInstanceOf(UnknownProductException.class);
        assertThat(orders.all()).isEmpty();
        assertThat(halfMessage.published).isEmpty();
    }
}
