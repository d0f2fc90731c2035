package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.txlab.tools.client.PublishingWay;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final Map<PublishingWay, Long> TEN_EACH = Map.of(PublishingWay.TRANSACTIONAL, 10L,
            PublishingWay.OUTBOX, 10L, PublishingWay.DUAL_WRITE, 10L);

    @Test
    void ratiosAreToDualWriteAndAbsentWithoutABase() {
        assertThat(Comparison.ratio(93, 100)).isEqualTo(0.93);
        assertThat(Comparison.ratio(0, 100)).isZero();
        assertThat(Comparison.ratio(5, 0)).isNull();
        assertThat(CompareReport.times(0.934)).isEqualTo("0.93×");
        assertThat(CompareReport.times(null)).isEqualTo("-");
    }

    @Test
    void eachWayGetsItsOwnFiguresAndItsRatiosToDualWrite() {
        Map<PublishingWay, Recording.WayAnswers> answers = new EnumMap<>(PublishingWay.class);
        answers.put(PublishingWay.TRANSACTIONAL, answers(9, 20.0, Map.of("timeout", 1L)));
        answers.put(PublishingWay.OUTBOX, answers(10, 10.0, Map.of()));
        answers.put(PublishingWay.DUAL_WRITE, answers(10, 8.0, Map.of()));
        Map<PublishingWay, ConsistencyReader.Consistency> consistency = new EnumMap<>(PublishingWay.class);
        consistency.put(PublishingWay.TRANSACTIONAL, consistency(9, 4.5, 300));
        consistency.put(PublishingWay.OUTBOX, consistency(10, 5.0, 600));
        consistency.put(PublishingWay.DUAL_WRITE, consistency(10, 5.0, 200));

        Map<PublishingWay, WayCpu.PerOrder> cpu = new EnumMap<>(PublishingWay.class);
        cpu.put(PublishingWay.TRANSACTIONAL, cpu(7.1));
        cpu.put(PublishingWay.OUTBOX, cpu(6.0));
        cpu.put(PublishingWay.DUAL_WRITE, cpu(5.0));

        List<WayFigures> ways = Comparison.of(TEN_EACH, 2.0, answers, consistency, cpu);

        assertThat(ways).extracting(WayFigures::way).containsExactly("transactional", "outbox", "dual-write");
        WayFigures transactional = ways.get(0);
        assertThat(transactional.endpoint()).isEqualTo("POST /api/orders");
        assertThat(transactional.ordersOffered()).isEqualTo(10);
        assertThat(transactional.ordersAccepted()).isEqualTo(9);
        assertThat(transactional.achievedOrderRate()).isEqualTo(4.5);
        assertThat(transactional.errorsByKind()).containsEntry("timeout", 1L);
        assertThat(transactional.versusDualWrite().achievedOrderRate()).isCloseTo(0.9, within(1e-9));
        assertThat(transactional.versusDualWrite().confirmedPerSecond()).isCloseTo(0.9, within(1e-9));
        assertThat(transactional.versusDualWrite().httpP99()).isCloseTo(2.5, within(1e-9));
        assertThat(transactional.versusDualWrite().timeToConsistencyP99()).isCloseTo(1.5, within(1e-9));
        assertThat(transactional.cpuMsPerOrder().total()).isEqualTo(7.1);
        assertThat(transactional.versusDualWrite().cpuPerOrder()).isCloseTo(1.42, within(1e-9));
        assertThat(ways.get(2).versusDualWrite().cpuPerOrder()).isEqualTo(1.0);
        assertThat(ways.get(1).endpoint()).isEqualTo("POST /api/orders?publish=outbox");
        assertThat(ways.get(2).versusDualWrite().achievedOrderRate()).isEqualTo(1.0);
    }

    @Test
    void withoutTheDatabaseOnlyTheHttpRatiosAreThere() {
        Map<PublishingWay, Recording.WayAnswers> answers = new EnumMap<>(PublishingWay.class);
        for (PublishingWay way : PublishingWay.values()) {
            answers.put(way, answers(3, 10.0, Map.of()));
        }

        WayFigures outbox = Comparison.of(TEN_EACH, 1.0, answers, Map.of(), Map.of()).get(1);

        assertThat(outbox.consistency()).isNull();
        assertThat(outbox.versusDualWrite().httpP99()).isEqualTo(1.0);
        assertThat(outbox.versusDualWrite().confirmedPerSecond()).isNull();
        assertThat(outbox.versusDualWrite().timeToConsistencyP99()).isNull();
        assertThat(outbox.cpuMsPerOrder()).as("request rotation: not separable").isNull();
        assertThat(outbox.versusDualWrite().cpuPerOrder()).isNull();
    }

    private static Recording.WayAnswers answers(int accepted, double p99Ms, Map<String, Long> errors) {
        return new Recording.WayAnswers(Collections.nCopies(accepted, "id"),
                new LatencySummary(accepted, p99Ms / 2, p99Ms, p99Ms, p99Ms), errors);
    }

    private static WayCpu.PerOrder cpu(double totalMs) {
        return new WayCpu.PerOrder(Map.of("order-service", totalMs, ProcessCpu.DRIVER, 0.5), totalMs, 10, 2);
    }

    private static ConsistencyReader.Consistency consistency(long confirmed, double perSecond, double p99Ms) {
        return new ConsistencyReader.Consistency(confirmed, confirmed, 0, 0, true, 0.5, perSecond,
                new LatencySummary(confirmed, p99Ms / 2, p99Ms, p99Ms, p99Ms));
    }
}
