package io.txlab.tools.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.txlab.tools.soak.OrderLoad;
import org.junit.jupiter.api.Test;

class ClusterLoadTest {

    private static final OrderLoad.Totals TOTALS = new OrderLoad.Totals(100, 100, 3, 103, 0, 0, 0);

    @Test
    void theDipIsTheLowestSecondOfTheOutageAndRecoveryTheFirstOfTwoSecondsBackAtNinetyPercent() {
        long[] perSecond = {20, 20, 20, 5, 0, 12, 19, 18, 20, 20, 20};
        ClusterLoad.Figures figures = new ClusterLoad.Figures(TOTALS, perSecond, Map.of("HTTP 503", 3L), List.of(), 20);

        List<String> report = figures.report(3, 8);

        assertThat(report.get(1)).isEqualTo("load: orders accepted per second: 20 20 20 | 5 0 12 19 18 | 20 20 20");
        assertThat(report.get(2)).contains("0 orders accepted in the lowest second of the outage")
                .contains("back to 90 % of the rate 3 s after the broker stopped");
        assertThat(figures.acceptedBetween(3, 8)).isEqualTo(54);
    }

    @Test
    void anOutageThatCostsNothingSaysSo() {
        long[] perSecond = {20, 20, 20, 20, 19, 20};
        ClusterLoad.Figures figures = new ClusterLoad.Figures(TOTALS, perSecond, Map.of(), List.of(), 20);

        assertThat(figures.report(2, 4).get(2)).contains("19 orders accepted in the lowest second")
                .contains("no second fell below 90 %");
        assertThat(figures.report(2, 4).get(0)).contains("failed attempts none");
    }

    @Test
    void timeToAcceptanceIsSplitByTheSecondsOfEachPhase() {
        List<OrderLoad.Acceptance> acceptances = List.of(new OrderLoad.Acceptance(0, 10), new OrderLoad.Acceptance(1, 30),
                new OrderLoad.Acceptance(2, 900), new OrderLoad.Acceptance(2, 100), new OrderLoad.Acceptance(5, 20));
        ClusterLoad.Figures figures = new ClusterLoad.Figures(TOTALS, new long[6], Map.of(), acceptances, 20);

        assertThat(figures.latency(0, 2)).isEqualTo("p50 10 ms, p99 30 ms, max 30 ms (2 orders)");
        assertThat(figures.latency(2, 3)).isEqualTo("p50 100 ms, p99 900 ms, max 900 ms (2 orders)");
        assertThat(figures.latency(3, 5)).isEqualTo("(no order accepted)");
    }
}
