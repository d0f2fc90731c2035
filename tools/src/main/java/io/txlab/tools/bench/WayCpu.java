package io.txlab.tools.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import io.txlab.tools.client.PublishingWay;

/**
 * Compare's CPU by publishing way with block rotation. Second s's CPU (sample s+1 less sample s, per process) goes
 * to the way whose block s is in, but for a block's first second: the consumers are still busy with the previous
 * block's orders then. CPU ms per order = CPU of the counted seconds / the accepted orders due in them. Pure.
 */
final class WayCpu {

    /**
     * CPU ms per accepted order of each process sampled (the driver too); {@code total} that of the platform's
     * processes, without the driver; over {@code countedSeconds} seconds and the {@code countedOrders} accepted
     * orders due in them.
     */
    public record PerOrder(Map<String, Double> byProcess, double total, long countedOrders, int countedSeconds) {
    }

    private WayCpu() {
    }

    /**
     * {@code samples}: sample k taken at second k of the run; {@code acceptedDue}: the accepted orders due in a
     * second. A way without counted orders has no entry.
     */
    static Map<PublishingWay, PerOrder> attribute(WayRotation rotation, List<ProcessCpu.Sample> samples,
                                                  IntToLongFunction acceptedDue, long clockTicks) {
        Map<PublishingWay, Map<String, Long>> ticks = new EnumMap<>(PublishingWay.class);
        Map<PublishingWay, long[]> ordersAndSeconds = new EnumMap<>(PublishingWay.class);
        for (int second = 0; second + 1 < samples.size(); second++) {
            if (!rotation.countsCpu(second)) {
                continue;
            }
            PublishingWay way = rotation.wayOfSecond(second);
            long[] counted = ordersAndSeconds.computeIfAbsent(way, w -> new long[2]);
            counted[0] += acceptedDue.applyAsLong(second);
            counted[1]++;
            Map<String, Long> before = samples.get(second).ticks();
            Map<String, Long> wayTicks = ticks.computeIfAbsent(way, w -> new LinkedHashMap<>());
            samples.get(second + 1).ticks().forEach((process, after) -> {
                if (before.containsKey(process)) {
                    // a child process that ended takes its ticks away from the tree: never below 0
                    wayTicks.merge(process, Math.max(0, after - before.get(process)), Long::sum);
                }
            });
        }
        Map<PublishingWay, PerOrder> perOrder = new EnumMap<>(PublishingWay.class);
        ordersAndSeconds.forEach((way, counted) -> {
            if (counted[0] > 0) {
                perOrder.put(way, perOrder(ticks.get(way), counted[0], (int) counted[1], clockTicks));
            }
        });
        return perOrder;
    }

    /** What the CPU per way means in a compare run, or why there is none. */
    static String note(BenchOptions options) {
        if (options.rotation() != Rotation.BLOCK) {
            return "CPU per way: not separable with --rotation request (the ways share every second; use --rotation"
                    + " block); the CPU per order of the whole run is that of the three together";
        }
        return "CPU per way: the ways took turns in blocks of " + options.blockSeconds() + " s of send time; a"
                + " second's CPU (every process, sampled at each second boundary) goes to its block's way, CPU ms per"
                + " order = CPU of seconds 2.." + options.blockSeconds() + " of the way's blocks / the accepted orders"
                + " due in them. Each block's first second is left out because the consumers lag behind the sends and"
                + " still work on the previous way's orders then; a lag beyond that second still counts to the next"
                + " way, and the consumption after the last block is not counted. total: the platform's processes,"
                + " without the driver";
    }

    private static PerOrder perOrder(Map<String, Long> ticks, long orders, int seconds, long clockTicks) {
        Map<String, Double> byProcess = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> entry : ticks.entrySet()) {
            double ms = entry.getValue() * 1000.0 / clockTicks / orders;
            byProcess.put(entry.getKey(), ms);
            total += entry.getKey().equals(ProcessCpu.DRIVER) ? 0 : ms;
        }
        return new PerOrder(byProcess, total, orders, seconds);
    }
}
