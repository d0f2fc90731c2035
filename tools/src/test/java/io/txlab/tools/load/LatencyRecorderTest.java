package io.txlab.tools.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.txlab.tools.client.PurchaseOutcome;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] values = LongStream.rangeClosed(1, 100).toArray();

        assertThat(LatencyRecorder.percentile(values, 50)).isEqualTo(50);
        assertThat(LatencyRecorder.percentile(values, 99)).isEqualTo(99);
        assertThat(LatencyRecorder.percentile(values, 100)).isEqualTo(100);
        assertThat(LatencyRecorder.percentile(values, 0)).isEqualTo(1);
    }

    @Test
    void percentilesOfSmallSets() {
        assertThat(LatencyRecorder.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(LatencyRecorder.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(LatencyRecorder.percentile(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(LatencyRecorder.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(LatencyRecorder.percentile(new long[] {1, 2, 3, 4}, 99)).isEqualTo(4);
        assertThatThrownBy(() -> LatencyRecorder.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryMergesOutcomesRecordedInAnyOrder() {
        LatencyRecorder recorder = new LatencyRecorder();
        List<Long> shuffled = new ArrayList<>(LongStream.rangeClosed(1, 1000).boxed().toList());
        Collections.shuffle(shuffled);
        for (long value : shuffled) {
            recorder.record(value % 2 == 0 ? PurchaseOutcome.SOLD_OUT : PurchaseOutcome.RATE_LIMITED, value * 1_000_000);
        }
        recorder.record(PurchaseOutcome.ACCEPTED, 5);

        LatencyRecorder.Summary rejected = recorder.summary(PurchaseOutcome.REJECTED).orElseThrow();

        assertThat(rejected).isEqualTo(new LatencyRecorder.Summary(1000, 500_000_000, 990_000_000, 1_000_000_000));
        assertThat(recorder.summary(Set.of(PurchaseOutcome.ACCEPTED))).contains(new LatencyRecorder.Summary(1, 5, 5, 5));
        assertThat(recorder.summary(Set.of(PurchaseOutcome.UNAVAILABLE))).isEmpty();
        assertThat(recorder.count(PurchaseOutcome.SOLD_OUT)).isEqualTo(500);
        assertThat(recorder.total()).isEqualTo(1001);
    }

    @Test
    void recordingFromManyThreadsLosesNothing() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int thread = 0; thread < 8; thread++) {
            pool.execute(() -> {
                for (int i = 1; i <= 10_000; i++) {
                    recorder.record(PurchaseOutcome.ACCEPTED, i);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(recorder.summary(Set.of(PurchaseOutcome.ACCEPTED)))
                .contains(new LatencyRecorder.Summary(80_000, 5_000, 9_900, 10_000));
    }
}
