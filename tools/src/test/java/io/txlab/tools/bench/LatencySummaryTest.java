package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesOfMicrosecondsInMillisecondsToThreeSignificantDigits() {
        Histogram histogram = LatencySummary.newHistogram();
        for (long millis = 1; millis <= 1000; millis++) {
            histogram.recordValue(millis * 1000);
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(summary.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(summary.maxMs()).isCloseTo(1000, within(1.0));
    }

    @Test
    void anEmptyHistogramIsAllZeros() {
        assertThat(LatencySummary.of(LatencySummary.newHistogram())).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
    }

    @Test
    void aSlowOutlierShowsInTheTailNotTheMedian() {
        Recording recording = new Recording();
        for (int i = 0; i < 999; i++) {
            recording.completed(0, 0, true, 2_000_000, OpenLoop.Result.ok("order-" + i));
        }
        recording.completed(12, 2, true, 12_000_000_000L, OpenLoop.Result.failed("timeout"));

        LatencySummary orders = recording.orderLatency();

        assertThat(orders.p50Ms()).isCloseTo(2.0, within(0.01));
        assertThat(orders.p99Ms()).isCloseTo(2.0, within(0.01));
        assertThat(orders.maxMs()).isCloseTo(12_000, within(12.0));
        assertThat(recording.errorsByKind()).containsEntry("timeout", 1L);
        assertThat(recording.acceptedOrderIds()).hasSize(999);
        assertThat(recording.timeSeries()).hasSize(13);
        assertThat(recording.timeSeries().get(5).achievedOrders()).isZero();
    }
}
