package io.txlab.order.flashsale.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.fault.InjectedFault;
import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashStock.Take;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.ordering.application.OrderNotPlacedException;
import io.txlab.order.ordering.application.PlaceOrder;
import io.txlab.order.ordering.application.PublishMode;
import io.txlab.order.ordering.application.StoringPublication;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderStatus;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;

/** The purchase queue's consumer: which accepted purchases become orders, and what happens to their units. */
class PlaceQueuedPurchasesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:30Z");
    private static final long PRODUCT = 6;
    private static final Product SNEAKERS = new Product(PRODUCT, "Flash-sale sneakers", 9_900);
    private static final Product MUG = new Product(1, "Mug", 500);
    private static final FlashSale SALE = new FlashSale("black-friday", PRODUCT, 3, NOW.minusSeconds(30),
            NOW.plusSeconds(3_600));
    private static final String FLASH_PLACEMENT = "order.flash-placement";

    private final InMemoryFlashStock stock = new InMemoryFlashStock();
    private final InMemoryOrders orders = new InMemoryOrders();
    private final StoringPublication halfMessage = new StoringPublication(PublishMode.TRANSACTIONAL, orders);
    private final FaultPoints faults = new FaultPoints("order", true);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private PlaceQueuedPurchases consumer;

    @BeforeEach
    void openTheSale() {
        stock.load(SALE.saleId(), SALE.units());
        PlaceOrder placeOrder = new PlaceOrder(orders,
                productId -> Stream.of(SNEAKERS, MUG).filter(product -> product.productId() == productId).findFirst(),
                List.of(halfMessage, new StoringPublication(PublishMode.OUTBOX, orders)), clock);
        SoldOutFlags soldOut = new SoldOutFlags(new FlashSaleSettings(null, null, null, null, null, null, null), clock);
        consumer = new PlaceQueuedPurchases(stock, placeOrder, new ReturnFlashUnit(stock, soldOut), faults, clock);
    }

    @Test
    void aHeldPurchaseBecomesOneOrderUnderItsOrderId() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");

        consumer.handle(List.of(purchase));

        assertThat(orders.all()).singleElement().satisfies(order -> {
            assertThat(order.orderId()).isEqualTo(purchase.orderId());
            assertThat(order.requestId()).isEqualTo("r-1");
            assertThat(order.userId()).isEqualTo(7);
            assertThat(order.productId()).isEqualTo(PRODUCT);
            assertThat(order.quantity()).isEqualTo(1);
            assertThat(order.amountCents()).isEqualTo(9_900);
            assertThat(order.saleId()).isEqualTo(SALE.saleId());
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        });
        assertThat(halfMessage.published).containsExactly(purchase.orderId());
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(purchase.orderId());
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
    }

    @Test
    void aBatchPlacesEachOfItsPurchases() {
        FlashPurchaseAccepted first = acceptedByTheGate(7, "r-1");
        FlashPurchaseAccepted second = acceptedByTheGate(8, "r-2");

        consumer.handle(List.of(first, second));

        assertThat(orders.all()).extracting(Order::orderId).containsExactly(first.orderId(), second.orderId());
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(1);
    }

    @Test
    void aPurchaseDeliveredTwiceIsPlacedOnceAndKeepsItsUnit() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");

        consumer.handle(List.of(purchase));
        consumer.handle(List.of(purchase));

        assertThat(orders.all()).extracting(Order::orderId).containsExactly(purchase.orderId());
        assertThat(halfMessage.published).as("the second delivery publishes nothing").hasSize(1);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(purchase.orderId());
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
    }

    @Test
    void aPurchaseWhoseUnitWasGivenBackIsTakenAgainWhileAUnitIsLeft() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");
        stock.giveBack(SALE.saleId(), 7, purchase.orderId());

        consumer.handle(List.of(purchase));

        assertThat(orders.all()).extracting(Order::orderId).containsExactly(purchase.orderId());
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(purchase.orderId());
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
    }

    @Test
    void aPurchaseIsWithdrawnWhenItsUserNowHoldsAUnitForAnotherOrder() {
        FlashPurchaseAccepted withdrawn = acceptedByTheGate(7, "r-1");
        stock.giveBack(SALE.saleId(), 7, withdrawn.orderId());
        FlashPurchaseAccepted current = acceptedByTheGate(7, "r-2");

        consumer.handle(List.of(withdrawn));

        assertThat(orders.all()).isEmpty();
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(current.orderId());
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
    }

    @Test
    void aPurchaseIsWithdrawnWhenItsUnitWasGivenBackAndTheSaleSoldOut() {
        FlashPurchaseAccepted withdrawn = acceptedByTheGate(7, "r-1");
        stock.giveBack(SALE.saleId(), 7, withdrawn.orderId());
        acceptedByTheGate(8, "r-2");
        acceptedByTheGate(9, "r-3");
        acceptedByTheGate(10, "r-4");

        consumer.handle(List.of(withdrawn));

        assertThat(orders.all()).isEmpty();
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(stock.remaining(SALE.saleId())).isZero();
    }

    @Test
    void aPurchaseOfASaleTheStoreLostIsPlacedOnTheUnitTheGateTookForIt() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");
        stock.forget(SALE.saleId());

        consumer.handle(List.of(purchase));

        assertThat(orders.all()).extracting(Order::orderId).containsExactly(purchase.orderId());
    }

    @Test
    void whenTheUserAlreadyHasAnActiveOrderInTheSaleTheRollbackGivesTheUnitBack() {
        Order earlier = Order.placeInSale("earlier-order", new PlaceOrderCommand("r-0", 7L, PRODUCT, 1), SNEAKERS,
                SALE.saleId(), NOW);
        orders.insert(earlier);
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");

        consumer.handle(List.of(purchase));

        assertThat(halfMessage.rolledBack).singleElement().isInstanceOf(DuplicateKeyException.class);
        assertThat(orders.all()).containsExactly(earlier);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
    }

    @Test
    void aDuplicateKeyRollbackWithoutAWinnerGivesTheUnitBack() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");
        halfMessage.rollBackNext(new DuplicateKeyException("Duplicate entry for key 'uk_orders_sale_slot'"));

        consumer.handle(List.of(purchase));

        assertThat(orders.all()).isEmpty();
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
    }

    @Test
    void anyOtherRollbackIsThrownSoTheQueueDeliversAgainAndTheUnitStaysHeld() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");
        halfMessage.rollBackNext(new CannotAcquireLockException("Lock wait timeout exceeded"));

        assertThatThrownBy(() -> consumer.handle(List.of(purchase)))
                .isInstanceOf(OrderNotPlacedException.class)
                .hasCauseInstanceOf(CannotAcquireLockException.class);
        assertThat(orders.all()).isEmpty();
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(purchase.orderId());
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);

        consumer.handle(List.of(purchase));
        assertThat(orders.all()).extracting(Order::orderId).containsExactly(purchase.orderId());
    }

    @Test
    void aRequestIdUsedByADifferentOrderGivesTheUnitBack() {
        orders.insert(Order.place("normal-order", new PlaceOrderCommand("r-1", 7L, MUG.productId(), 2), MUG, NOW));
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");

        consumer.handle(List.of(purchase));

        assertThat(orders.all()).extracting(Order::orderId).containsExactly("normal-order");
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
    }

    @Test
    void aRequestThatPlacedItsSaleOrderUnderAnotherIdGivesTheNewUnitBack() {
        Order earlier = Order.placeInSale("older-random-id", new PlaceOrderCommand("r-1", 7L, PRODUCT, 1), SNEAKERS,
                SALE.saleId(), NOW);
        orders.insert(earlier);
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");

        consumer.handle(List.of(purchase));

        assertThat(orders.all()).containsExactly(earlier);
        assertThat(halfMessage.published).isEmpty();
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
    }

    @Test
    void theFaultPointIsPassedBeforeTheUnitIsClaimedOrTheOrderPlaced() {
        FlashPurchaseAccepted purchase = acceptedByTheGate(7, "r-1");
        stock.giveBack(SALE.saleId(), 7, purchase.orderId());
        faults.arm(FaultPoint.FLASH_PLACEMENT, FaultAction.throwTimes(1));

        assertThatThrownBy(() -> consumer.handle(List.of(purchase))).isInstanceOf(InjectedFault.class)
                .hasMessageContaining(FLASH_PLACEMENT);
        assertThat(orders.all()).isEmpty();
        assertThat(stock.heldOrder(SALE.saleId(), 7)).as("not claimed again").isEmpty();
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);

        consumer.handle(List.of(purchase));
        assertThat(orders.all()).extracting(Order::orderId).containsExactly(purchase.orderId());
    }

    /** What the gate does for an accepted purchase: a unit taken for its order id, then the message queued. */
    private FlashPurchaseAccepted acceptedByTheGate(long userId, String requestId) {
        String orderId = SALE.orderIdFor(userId, requestId);
        assertThat(stock.take(SALE.saleId(), userId, orderId, NOW.toEpochMilli())).isEqualTo(Take.TAKEN);
        return FlashPurchaseAccepted.of(orderId, SALE.saleId(), userId, PRODUCT, requestId, NOW);
    }
}
