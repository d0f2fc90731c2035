package io.txlab.inventory.stock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.inventory.stock.domain.StockDeduction;
import io.txlab.inventory.stock.domain.StockMovement;
import io.txlab.support.participant.InMemoryParticipant;
import org.junit.jupiter.api.Test;

/** Reserving stock for new orders, on in-memory fakes of the stock tables and the participant protocol. */
class ReserveStockTest {

    private static final long PRODUCT = 7;

    private final InMemoryParticipant inventory = new InMemoryParticipant(Participant.INVENTORY);
    private final InMemoryStocks stocks = new InMemoryStocks();
    private final ReserveStock reserveStock = new ReserveStock(inventory.replyToOrder(), stocks);

    @Test
    void enoughStockIsDeductedAndTheOrderServiceToldItWasApplied() {
        stocks.stock(PRODUCT, 5);

        reserveStock.handle(List.of(order("o-1", 2)));

        assertThat(stocks.available(PRODUCT)).isEqualTo(3);
        assertThat(stocks.movementsOf("o-1")).extracting(StockMovement::kind)
                .containsExactly(StockMovement.Kind.DEDUCT);
        assertThat(inventory.replies()).containsExactly(ParticipantReplied.applied("o-1", Participant.INVENTORY));
        assertThat(inventory.barrier("o-1")).contains("APPLIED");
    }

    @Test
    void notEnoughStockRejectsTheOrderWithItsReasonAndTakesNothing() {
        stocks.stock(PRODUCT, 1);

        reserveStock.handle(List.of(order("o-1", 2)));

        assertThat(stocks.available(PRODUCT)).isEqualTo(1);
        assertThat(stocks.movementsOf("o-1")).isEmpty();
        assertThat(inventory.replies()).containsExactly(
                ParticipantReplied.rejected("o-1", Participant.INVENTORY, "INSUFFICIENT_STOCK"));
        assertThat(inventory.barrier("o-1")).contains("REJECTED");
    }

    @Test
    void anUnknownProductIsRejectedAsUnknown() {
        reserveStock.handle(List.of(order("o-1", 1)));

        assertThat(inventory.replies()).containsExactly(
                ParticipantReplied.rejected("o-1", Participant.INVENTORY, "UNKNOWN_PRODUCT"));
    }

    @Test
    void aDuplicateDeliveryDeductsNothingMoreAndRepliesAgain() {
        stocks.stock(PRODUCT, 5);
        OrderCreated order = order("o-1", 2);

        reserveStock.handle(List.of(order));
        reserveStock.handle(List.of(order));

        assertThat(stocks.available(PRODUCT)).isEqualTo(3);
        assertThat(stocks.movementsOf("o-1")).hasSize(1);
        assertThat(inventory.replies()).containsExactly(ParticipantReplied.applied("o-1", Participant.INVENTORY),
                ParticipantReplied.applied("o-1", Participant.INVENTORY));
        assertThat(inventory.duplicates(order)).isEqualTo(1);
    }

    @Test
    void aDuplicateOfARejectionRepliesTheStoredReasonEvenOnceStockIsBack() {
        stocks.stock(PRODUCT, 1);
        reserveStock.handle(List.of(order("o-1", 2)));
        stocks.stock(PRODUCT, 10);

        reserveStock.handle(List.of(order("o-1", 2)));

        assertThat(stocks.available(PRODUCT)).isEqualTo(10);
        assertThat(inventory.replies()).extracting(ParticipantReplied::reason)
                .containsExactly("INSUFFICIENT_STOCK", "INSUFFICIENT_STOCK");
    }

    @Test
    void aBatchDecidesEachOrderOnTheStockTheOrdersBeforeItLeft() {
        stocks.stock(PRODUCT, 3);

        reserveStock.handle(List.of(order("o-1", 2), order("o-2", 2), order("o-3", 1)));

        assertThat(stocks.available(PRODUCT)).isZero();
        assertThat(inventory.replies()).extracting(ParticipantReplied::orderId, ParticipantReplied::applied)
                .containsExactly(tuple("o-1", true), tuple("o-2", false), tuple("o-3", true));
    }

    @Test
    void aFlashSaleOrderIsDeductedFromItsSaleNotFromTheProductsStock() {
        stocks.stock(PRODUCT, 5);
        stocks.saleOf("s-1", PRODUCT, 2);

        reserveStock.handle(List.of(OrderCreated.of("o-1", 1, PRODUCT, 1, 100, Instant.EPOCH, "s-1")));

        assertThat(stocks.remaining("s-1")).isEqualTo(1);
        assertThat(stocks.available(PRODUCT)).isEqualTo(5);
        assertThat(inventory.replies()).containsExactly(ParticipantReplied.applied("o-1", Participant.INVENTORY));
    }

    @Test
    void aBatchRecordsTheMovementsOfItsAppliedOrdersInOneWriteAndNoneOfTheRejected() {
        stocks.stock(PRODUCT, 3);

        reserveStock.handle(List.of(order("o-1", 2), order("o-2", 2), order("o-3", 1)));

        assertThat(stocks.recorded()).containsExactly(List.of(new StockDeduction("o-1", PRODUCT, null, 2),
                new StockDeduction("o-3", PRODUCT, null, 1)));
        assertThat(stocks.movementsOf("o-2")).isEmpty();
    }

    @Test
    void aFlashSaleOrdersMovementCarriesItsSaleAndAnyOtherNone() {
        stocks.stock(PRODUCT, 5);
        stocks.saleOf("s-1", PRODUCT, 2);

        reserveStock.handle(List.of(OrderCreated.of("o-1", 1, PRODUCT, 1, 100, Instant.EPOCH, "s-1"),
                order("o-2", 1)));

        assertThat(stocks.recorded()).singleElement().asList().containsExactlyInAnyOrder(
                new StockDeduction("o-1", PRODUCT, "s-1", 1), new StockDeduction("o-2", PRODUCT, null, 1));
    }

    @Test
    void aRedeliveryRecordsNoMovement() {
        stocks.stock(PRODUCT, 5);
        reserveStock.handle(List.of(order("o-1", 2)));

        reserveStock.handle(List.of(order("o-1", 2)));

        assertThat(stocks.recorded()).containsExactly(List.of(new StockDeduction("o-1", PRODUCT, null, 2)),
                List.of());
    }

    static OrderCreated order(String orderId, int quantity) {
        return OrderCreated.of(orderId, 1, PRODUCT, quantity, 100L * quantity, Instant.EPOCH);
    }
}
