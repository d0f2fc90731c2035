package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.txlab.tools.client.PublishingWay;
import org.junit.jupiter.api.Test;

class WayCpuTest {

    private static final WayRotation BLOCKS_OF_2 = new WayRotation(Rotation.BLOCK, 2);

    @Test
    void eachSecondGoesToItsBlocksWayButTheBlocksFirstSecond() {
        // 7 samples: seconds 0..5, one block of 2 s per way; order-service spends 10 ticks a second, 30 in a
        // block's first second (the previous way's consumption), the driver 1
        List<ProcessCpu.Sample> samples = samples(new long[] {30, 10, 30, 20, 30, 40}, 1);

        Map<PublishingWay, WayCpu.PerOrder> cpu = WayCpu.attribute(BLOCKS_OF_2, samples, second -> 10, 100);

        WayCpu.PerOrder transactional = cpu.get(PublishingWay.TRANSACTIONAL);
        assertThat(transactional.countedSeconds()).isEqualTo(1);
        assertThat(transactional.countedOrders()).isEqualTo(10);
        // 10 ticks = 100 ms for 10 orders
        assertThat(transactional.byProcess()).containsEntry("order-service", 10.0).containsEntry("driver", 1.0);
        assertThat(transactional.total()).as("without the driver").isEqualTo(10.0);
        assertThat(cpu.get(PublishingWay.OUTBOX).total()).isEqualTo(20.0);
        assertThat(cpu.get(PublishingWay.DUAL_WRITE).total()).isEqualTo(40.0);
    }

    @Test
    void blocksOfTheSameWayAddUpAndOrdersAreThoseDueInTheCountedSeconds() {
        List<ProcessCpu.Sample> samples = samples(new long[] {0, 10, 0, 0, 0, 0, 0, 30}, 0);

        WayCpu.PerOrder transactional = WayCpu.attribute(BLOCKS_OF_2, samples, second -> second, 100)
                .get(PublishingWay.TRANSACTIONAL);

        // seconds 1 and 7 count, with 1 + 7 orders due in them: 40 ticks = 400 ms
        assertThat(transactional.countedSeconds()).isEqualTo(2);
        assertThat(transactional.countedOrders()).isEqualTo(8);
        assertThat(transactional.total()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void aWayWithoutOrdersOrSamplesHasNoFigureAndTicksNeverGoBack() {
        List<ProcessCpu.Sample> samples = samples(new long[] {5, -3, 0, 0}, 0);

        Map<PublishingWay, WayCpu.PerOrder> cpu = WayCpu.attribute(BLOCKS_OF_2, samples,
                second -> second == 3 ? 0 : 1, 100);

        assertThat(cpu.get(PublishingWay.TRANSACTIONAL).total()).isZero();
        assertThat(cpu).doesNotContainKey(PublishingWay.OUTBOX).doesNotContainKey(PublishingWay.DUAL_WRITE);
    }

    @Test
    void theReportShowsEachWaysCpuAndItsRatioOrADashWhenNotSeparable() {
        WayCpu.PerOrder cpu = new WayCpu.PerOrder(Map.of("order-service", 1.5), 1.5, 30, 3);
        WayFigures way = new WayFigures("outbox", "POST /x", 30, 30, 10, new LatencySummary(30, 1, 2, 3, 4), null,
                Map.of(), cpu, new WayFigures.VersusDualWrite(1.0, null, 1.0, null, 1.42));
        WayFigures unknown = new WayFigures("outbox", "POST /x", 30, 30, 10, new LatencySummary(30, 1, 2, 3, 4), null,
                Map.of(), null, new WayFigures.VersusDualWrite(1.0, null, 1.0, null, null));

        assertThat(CompareReport.ways(List.of(way))).contains("| way | order-service | total (platform) | vs dual write"
                + " | orders counted |", "| outbox | 1.500 | 1.500 | 1.42× | 30 in 3 s |",
                "| outbox | 1.00× | - | 1.00× | - | 1.42× |");
        assertThat(CompareReport.ways(List.of(unknown))).contains("| outbox | - | - | - |");
    }

    /** Sample k: the sum of the ticks of seconds before k; the driver {@code driverPerSecond} a second. */
    private static List<ProcessCpu.Sample> samples(long[] orderServicePerSecond, long driverPerSecond) {
        List<ProcessCpu.Sample> samples = new ArrayList<>();
        long ticks = 1000;
        for (int k = 0; k <= orderServicePerSecond.length; k++) {
            Map<String, Long> byProcess = new LinkedHashMap<>();
            byProcess.put("order-service", ticks);
            byProcess.put(ProcessCpu.DRIVER, k * driverPerSecond);
            samples.add(new ProcessCpu.Sample(byProcess, List.of()));
            ticks += k < orderServicePerSecond.length ? orderServicePerSecond[k] : 0;
        }
        return samples;
    }
}
