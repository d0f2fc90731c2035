package io.txlab.tools.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.txlab.tools.client.PurchaseOutcome;
import org.junit.jupiter.api.Test;

class FlashLoadTest {

    /** A sale in memory: one unit per buyer, first come first served, each answer after {@code millis}. */
    private static final class FakeSale implements FlashLoad.Buyer {
        final AtomicInteger remaining;
        final Set<Long> bought = ConcurrentHashMap.newKeySet();
        final Map<Long, AtomicInteger> clicks = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final long millis;

        FakeSale(int units, long millis) {
            this.remaining = new AtomicInteger(units);
            this.millis = millis;
        }

        @Override
        public PurchaseOutcome purchase(long userId) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis);
                clicks.computeIfAbsent(userId, u -> new AtomicInteger()).incrementAndGet();
                if (!bought.add(userId)) {
                    return PurchaseOutcome.ALREADY_BOUGHT;
                }
                return remaining.getAndDecrement() > 0 ? PurchaseOutcome.ACCEPTED : PurchaseOutcome.SOLD_OUT;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void everyBuyerClicksRequestsPerBuyerTimesWithAtMostConcurrencyInFlight() {
        FakeSale sale = new FakeSale(10, 2);
        LoadOptions options = new LoadOptions(10, 50, 3, 4, 3);

        FlashLoad.Result result = new FlashLoad(options, sale).run(progress -> { });

        assertThat(sale.clicks).hasSize(50).allSatisfy((user, clicks) -> assertThat(clicks).hasValue(3));
        assertThat(sale.clicks.keySet()).allSatisfy(user -> assertThat(user).isBetween(1001L, 1050L));
        assertThat(sale.maxInFlight.get()).isEqualTo(4);
        LatencyRecorder latencies = result.latencies();
        assertThat(latencies.total()).isEqualTo(150);
        assertThat(latencies.count(PurchaseOutcome.ACCEPTED)).isEqualTo(10);
        assertThat(latencies.count(PurchaseOutcome.ALREADY_BOUGHT) + latencies.count(PurchaseOutcome.SOLD_OUT)).isEqualTo(140);
        assertThat(latencies.summary(PurchaseOutcome.REJECTED).orElseThrow().p50Nanos()).isGreaterThanOrEqualTo(2_000_000);
        assertThat(result.firstError()).isEmpty();
        assertThat(result.requestsPerSecond()).isPositive();
    }

    @Test
    void failedPurchasesAreCountedAsErrorsAndTheFirstIsKept() {
        AtomicInteger calls = new AtomicInteger();
        FlashLoad.Buyer flaky = userId -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("HTTP 500: boom");
            }
            return PurchaseOutcome.RATE_LIMITED;
        };

        FlashLoad.Result result = new FlashLoad(new LoadOptions(1, 10, 2, 1, 3), flaky).run(progress -> { });

        assertThat(result.latencies().count(PurchaseOutcome.ERROR)).isEqualTo(10);
        assertThat(result.latencies().count(PurchaseOutcome.RATE_LIMITED)).isEqualTo(10);
        assertThat(result.firstError()).contains("user 1001: HTTP 500: boom");
    }

    @Test
    void progressIsReportedEverySecondWhileTheRunLasts() throws InterruptedException {
        List<FlashLoad.Progress> progress = new CopyOnWriteArrayList<>();

        new FlashLoad(new LoadOptions(5, 120, 1, 2, 3), new FakeSale(5, 25)).run(progress::add);
        int reported = progress.size();

        // 120 purchases of 25 ms on 2 workers: at least 1.5 s, so at least one tick, taken mid-run
        assertThat(reported).isPositive();
        assertThat(progress.get(0).total()).isEqualTo(120);
        assertThat(progress.get(0).done()).isBetween(1, 119);
        assertThat(progress.get(0).requestsPerSecond()).isBetween(1.0, 100.0);
        // a tick is due every second: none may come for longer than that once the run is over
        await().during(Duration.ofMillis(1_100)).atMost(Duration.ofSeconds(2))
                .until(() -> progress.size() == reported);
    }

    @Test
    void noMoreWorkersThanRequests() {
        FakeSale sale = new FakeSale(1, 1);

        new FlashLoad(new LoadOptions(1, 2, 1, 32, 3), sale).run(progress -> { });

        assertThat(sale.maxInFlight.get()).isLessThanOrEqualTo(2);
    }
}
