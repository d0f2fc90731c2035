package io.txlab.inventory.stock.application;

import static io.txlab.inventory.stock.application.ReserveStockTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.inventory.stock.domain.StockMovement;
import io.txlab.support.participant.InMemoryParticipant;
import io.txlab.support.participant.ReplyToOrder;
import org.junit.jupiter.api.Test;

/** Compensating a cancelled order's stock, on in-memory fakes of the stock tables and the participant protocol. */
class ReleaseStockTest {

    private static final long PRODUCT = 7;

    private final InMemoryParticipant inventory = new InMemoryParticipant(Participant.INVENTORY);
    private final InMemoryStocks stocks = new InMemoryStocks();
    private final ReserveStock reserveStock = new ReserveStock(inventory.replyToOrder(), stocks);
    private final ReleaseStock releaseStock = new ReleaseStock(inventory.compensateOrder(), stocks);

    @Test
    void aCancelAfterTheDeductionGivesTheStockBackOnce() {
        stocks.stock(PRODUCT, 5);
        reserveStock.handle(List.of(order("o-1", 2)));

        releaseStock.handle(cancelled("o-1"));
        releaseStock.handle(cancelled("o-1"));

        assertThat(stocks.available(PRODUCT)).isEqualTo(5);
        assertThat(stocks.movementsOf("o-1")).extracting(StockMovement::kind)
                .containsExactly(StockMovement.Kind.DEDUCT, StockMovement.Kind.RELEASE);
        assertThat(inventory.barrier("o-1")).contains("COMPENSATED");
        assertThat(inventory.duplicates(cancelled("o-1"))).isEqualTo(1);
    }

    @Test
    void aCancelBeforeTheOrderArrivesUndoesNothingAndPlantsTheBarrier() {
        stocks.stock(PRODUCT, 5);

        releaseStock.handle(cancelled("o-1"));

        assertThat(stocks.available(PRODUCT)).isEqualTo(5);
        assertThat(stocks.movementsOf("o-1")).isEmpty();
        assertThat(inventory.barrier("o-1")).contains("CANCELLED_FIRST");
    }

    @Test
    void theOrderArrivingAfterItsCancelIsSkippedForGoodNotLeftHanging() {
        stocks.stock(PRODUCT, 5);
        releaseStock.handle(cancelled("o-1"));

        reserveStock.handle(List.of(order("o-1", 2)));

        assertThat(stocks.available(PRODUCT)).isEqualTo(5);
        assertThat(stocks.movementsOf("o-1")).isEmpty();
        assertThat(stocks.recorded()).as("no movement for a late order").containsExactly(List.of());
        assertThat(inventory.replies()).containsExactly(
                ParticipantReplied.rejected("o-1", Participant.INVENTORY, ReplyToOrder.ORDER_CANCELLED));
        assertThat(inventory.lateApplySkipped("o-1")).isTrue();
    }

    @Test
    void inABatchOnlyTheOrderCancelledFirstIsSkippedTheOthersAreApplied() {
        stocks.stock(PRODUCT, 5);
        releaseStock.handle(cancelled("o-2"));

        reserveStock.handle(List.of(order("o-1", 1), order("o-2", 1), order("o-3", 1)));

        assertThat(stocks.available(PRODUCT)).isEqualTo(3);
        assertThat(stocks.movementsOf("o-2")).isEmpty();
        assertThat(inventory.barrier("o-1")).contains("APPLIED");
        assertThat(inventory.barrier("o-3")).contains("APPLIED");
        assertThat(inventory.replies()).containsExactlyInAnyOrder(
                ParticipantReplied.applied("o-1", Participant.INVENTORY),
                ParticipantReplied.rejected("o-2", Participant.INVENTORY, ReplyToOrder.ORDER_CANCELLED),
                ParticipantReplied.applied("o-3", Participant.INVENTORY));
        assertThat(inventory.lateApplySkipped("o-2")).isTrue();
    }

    @Test
    void aCancelOfARejectedOrderHasNothingToGiveBack() {
        stocks.stock(PRODUCT, 1);
        reserveStock.handle(List.of(order("o-1", 2)));

        releaseStock.handle(cancelled("o-1"));

        assertThat(stocks.available(PRODUCT)).isEqualTo(1);
        assertThat(stocks.movementsOf("o-1")).isEmpty();
        assertThat(inventory.barrier("o-1")).contains("REJECTED");
    }

    private static OrderCancelled cancelled(String orderId) {
        return OrderCancelled.of(orderId, "PAYMENT_REJECTED", Instant.EPOCH);
    }
}
