package io.txlab.order.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.txlab.order.flashsale.application.PurchaseFlashUnit;
import io.txlab.order.flashsale.application.PurchaseFlashUnit.Admission;
import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.ordering.application.PlacedOrder;
import io.txlab.order.ordering.domain.PlaceOrderCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admitted purchases are placed off the request thread; past the queue the unit goes back, and a 503. */
class PlacementBulkheadTest {

    private final PurchaseFlashUnit purchase = mock(PurchaseFlashUnit.class);
    private final CountDownLatch release = new CountDownLatch(1);
    private final PlacementBulkhead bulkhead = new PlacementBulkhead(purchase, 1, 1);

    @AfterEach
    void releasePlacements() throws InterruptedException {
        release.countDown();
        bulkhead.destroy();
    }

    private static Admission.UnitTaken taken(String orderId) {
        FlashSale sale = new FlashSale("s-1", 7, 10, Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(1)));
        return new Admission.UnitTaken(sale, new PlaceOrderCommand("r-" + orderId, 42L, 7L, 1), orderId);
    }

    @Test
    void theCallerGetsAFutureAtOnceWhileThePlacementRunsOnTheBulkheadsThread() throws Exception {
        PlacedOrder placed = mock(PlacedOrder.class);
        when(purchase.place(any())).thenAnswer(invocation -> {
            assertThat(Thread.currentThread().getName()).startsWith("txlab-flash-placement-");
            release.await(5, TimeUnit.SECONDS);
            return placed;
        });

        CompletableFuture<PlacedOrder> future = bulkhead.place(taken("o-1"));

        assertThat(future).isNotDone();
        release.countDown();
        assertThat(future.get(5, TimeUnit.SECONDS)).isSameAs(placed);
    }

    @Test
    void pastTheQueueTheUnitGoesBackAndTheBuyerIsToldToRetry() {
        when(purchase.place(any())).thenAnswer(invocation -> {
            release.await(5, TimeUnit.SECONDS);
            return mock(PlacedOrder.class);
        });
        bulkhead.place(taken("o-1"));
        bulkhead.place(taken("o-2"));
        Admission.UnitTaken third = taken("o-3");

        assertThatThrownBy(() -> bulkhead.place(third)).isInstanceOf(PlacementBulkhead.PlacementsFullException.class)
                .hasMessageContaining("1 admitted purchases are waiting");
        verify(purchase).giveBack(third, "the bulkhead is full");
        verify(purchase, never()).giveBack(taken("o-1"), "the bulkhead is full");
    }
}
