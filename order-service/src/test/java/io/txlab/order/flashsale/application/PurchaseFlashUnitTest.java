package io.txlab.order.flashsale.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.order.flashsale.application.FlashPurchaseRefusedException.Reason;
import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashSaleRepository;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.ordering.application.OrderSummaries;
import io.txlab.order.ordering.application.RequestIdConflictException;
import io.txlab.order.ordering.domain.InMemoryOrders;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.Product;
import io.txlab.order.sharedkernel.InvalidOrderException;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import io.txlab.support.metrics.MicrometerMeters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate: what it takes in the stock, what it queues, and what it answers. */
class PurchaseFlashUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:30Z");
    private static final long PRODUCT = 6;
    private static final Product SNEAKERS = new Product(PRODUCT, "Flash-sale sneakers", 9_900);
    private static final FlashSale SALE = sale("black-friday", 3);
    private static final FlashSale LAST_UNIT = sale("last-unit", 1);
    private static final FlashSale NOT_LOADED = sale("not-loaded", 3);

    private final InMemoryFlashStock stock = new InMemoryFlashStock();
    private final InMemoryOrders orders = new InMemoryOrders();
    private final List<FlashPurchaseAccepted> queued = new ArrayList<>();
    private boolean queueDown;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private PurchaseFlashUnit gate;

    @BeforeEach
    void openTheSales() {
        stock.load(SALE.saleId(), SALE.units());
        stock.load(LAST_UNIT.saleId(), LAST_UNIT.units());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SoldOutFlags soldOut = new SoldOutFlags(new FlashSaleSettings(null, null, null, null, null, null, null), clock);
        PurchaseQueue queue = purchase -> {
            if (queueDown) {
                throw new PurchaseNotQueuedException("broker did not confirm", purchase.orderId(), null);
            }
            queued.add(purchase);
        };
        gate = new PurchaseFlashUnit(new FlashSales(new SalesById(SALE, LAST_UNIT, NOT_LOADED)), soldOut,
                (saleId, userId) -> Optional.empty(), stock, queue, new OrderSummaries(orders),
                new ReturnFlashUnit(stock, soldOut), clock, new MicrometerMeters(registry));
    }

    @Test
    void anAcceptedPurchaseIsQueuedUnderItsDeterministicOrderIdAndAnsweredQueued() {
        String orderId = SALE.orderIdFor(7, "r-1");

        FlashPurchase answer = gate.purchase(SALE.saleId(), "r-1", 7L);

        assertThat(answer).isEqualTo(new FlashPurchase(orderId, FlashPurchase.QUEUED, false));
        assertThat(queued).containsExactly(
                FlashPurchaseAccepted.of(orderId, SALE.saleId(), 7, PRODUCT, "r-1", NOW));
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(orderId);
        assertThat(orders.all()).as("the order is placed later, by the queue's consumer").isEmpty();
        assertThat(registry.get("txlab.flash.gate").tag("outcome", "QUEUED").counter().count()).isEqualTo(1);
    }

    @Test
    void theSameRequestAgainRepeatsThePurchaseWithoutQueueingItTwice() {
        FlashPurchase first = gate.purchase(SALE.saleId(), "r-1", 7L);

        FlashPurchase again = gate.purchase(SALE.saleId(), "r-1", 7L);

        assertThat(again).isEqualTo(new FlashPurchase(first.orderId(), FlashPurchase.QUEUED, true));
        assertThat(queued).hasSize(1);
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
    }

    @Test
    void aRepeatAfterTheOrderWasPlacedAnswersTheOrdersStatus() {
        FlashPurchase first = gate.purchase(SALE.saleId(), "r-1", 7L);
        orders.insert(flashOrder(first.orderId(), "r-1", 7));

        FlashPurchase again = gate.purchase(SALE.saleId(), "r-1", 7L);

        assertThat(again).isEqualTo(new FlashPurchase(first.orderId(), "PENDING", true));
        assertThat(queued).hasSize(1);
    }

    @Test
    void anotherRequestOfTheSameUserIsRefusedAsAlreadyBought() {
        FlashPurchase first = gate.purchase(SALE.saleId(), "r-1", 7L);

        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), "r-2", 7L))
                .isInstanceOfSatisfying(FlashPurchaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_BOUGHT));
        assertThat(queued).extracting(FlashPurchaseAccepted::requestId).containsExactly("r-1");
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(2);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).contains(first.orderId());
    }

    @Test
    void whenTheQueueDoesNotTakeThePurchaseItsUnitGoesBackAndTheFailurePropagates() {
        queueDown = true;

        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), "r-1", 7L))
                .isInstanceOfSatisfying(PurchaseNotQueuedException.class,
                        e -> assertThat(e.orderId()).isEqualTo(SALE.orderIdFor(7, "r-1")));
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(queued).isEmpty();

        queueDown = false;
        assertThat(gate.purchase(SALE.saleId(), "r-1", 7L))
                .as("a retry with the same request id is accepted under the same order id")
                .isEqualTo(new FlashPurchase(SALE.orderIdFor(7, "r-1"), FlashPurchase.QUEUED, false));
    }

    @Test
    void aRequestIdAlreadyUsedByANormalOrderGivesTheUnitBackAndConflicts() {
        Order normal = Order.place("normal-order", new PlaceOrderCommand("r-1", 7L, 1L, 2), new Product(1, "Mug", 500),
                NOW);
        orders.insert(normal);

        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), "r-1", 7L))
                .isInstanceOfSatisfying(RequestIdConflictException.class,
                        e -> assertThat(e.orderId()).isEqualTo("normal-order"));
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void aRequestWhoseOrderWasCancelledGetsThatOrderAgainAndItsUnitStaysInTheSale() {
        String orderId = SALE.orderIdFor(7, "r-1");
        orders.insert(flashOrder(orderId, "r-1", 7).cancel("payment rejected"));

        FlashPurchase again = gate.purchase(SALE.saleId(), "r-1", 7L);

        assertThat(again).isEqualTo(new FlashPurchase(orderId, "CANCELLED", true));
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
        assertThat(stock.heldOrder(SALE.saleId(), 7)).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void whenNoUnitIsLeftThePurchaseIsRefusedAsSoldOut() {
        gate.purchase(LAST_UNIT.saleId(), "r-1", 7L);

        assertThatThrownBy(() -> gate.purchase(LAST_UNIT.saleId(), "r-2", 8L))
                .isInstanceOfSatisfying(FlashPurchaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SOLD_OUT));
        assertThat(stock.remaining(LAST_UNIT.saleId())).isZero();
        assertThat(stock.heldOrder(LAST_UNIT.saleId(), 8)).isEmpty();
        assertThat(queued).extracting(FlashPurchaseAccepted::userId).containsExactly(7L);
    }

    @Test
    void aSaleTheStoreHasNotLoadedIsUnavailableAndNothingIsQueued() {
        assertThatThrownBy(() -> gate.purchase(NOT_LOADED.saleId(), "r-1", 7L))
                .isInstanceOf(FlashStockUnavailableException.class);
        assertThat(queued).isEmpty();
    }

    @Test
    void eachAnswerOfTheGateIsCountedUnderItsOutcome() {
        gate.purchase(LAST_UNIT.saleId(), "r-1", 7L);
        assertThatThrownBy(() -> gate.purchase(LAST_UNIT.saleId(), "r-2", 8L));
        assertThatThrownBy(() -> gate.purchase(LAST_UNIT.saleId(), "r-3", 7L));
        assertThatThrownBy(() -> gate.purchase(NOT_LOADED.saleId(), "r-4", 9L));
        queueDown = true;
        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), "r-5", 10L));

        assertThat(gateCount("QUEUED")).isEqualTo(1);
        assertThat(gateCount("SOLD_OUT")).as("both refusals of the sold-out sale, the sold-out answer read first")
                .isEqualTo(2);
        assertThat(gateCount("STOCK_UNAVAILABLE")).isEqualTo(1);
        assertThat(gateCount("NOT_QUEUED")).isEqualTo(1);
        assertThat(gateCount("REFUSED_OTHER")).isZero();
    }

    private double gateCount(String outcome) {
        var counter = registry.find("txlab.flash.gate").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void invalidInputIsRefusedBeforeTheStockIsAsked() {
        int callsBefore = stock.calls();

        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), " ", 7L)).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("requestId is required");
        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), "r-1", -7L)).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("userId must be a positive number");
        assertThatThrownBy(() -> gate.purchase(SALE.saleId(), "r-1", null)).isInstanceOf(InvalidOrderException.class);

        assertThat(stock.calls()).isEqualTo(callsBefore);
        assertThat(stock.remaining(SALE.saleId())).isEqualTo(3);
        assertThat(queued).isEmpty();
    }

    private static FlashSale sale(String saleId, int units) {
        return new FlashSale(saleId, PRODUCT, units, NOW.minusSeconds(30), NOW.plusSeconds(3_600));
    }

    private static Order flashOrder(String orderId, String requestId, long userId) {
        return Order.placeInSale(orderId, new PlaceOrderCommand(requestId, userId, PRODUCT, 1), SNEAKERS,
                SALE.saleId(), NOW);
    }

    /** The flash_sale table: only look-ups by id. */
    private static final class SalesById implements FlashSaleRepository {

        private final Map<String, FlashSale> sales;

        SalesById(FlashSale... sales) {
            this.sales = Stream.of(sales).collect(Collectors.toMap(FlashSale::saleId, Function.identity()));
        }

        @Override
        public Optional<FlashSale> find(String saleId) {
            return Optional.ofNullable(sales.get(saleId));
        }

        @Override
        public void insert(FlashSale sale) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FlashSale> endingAfter(Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FlashSale> newestFirst(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Integer> orderCounts(String saleId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Map<String, Integer>> orderCounts(java.util.Collection<String> saleIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Long, String> activeBuyers(String saleId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean orderExists(String orderId) {
            throw new UnsupportedOperationException();
        }
    }
}
