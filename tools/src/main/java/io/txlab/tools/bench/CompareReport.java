package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The compare profile's part of the Markdown report: a table of the publishing ways, then the flash-sale phase. */
final class CompareReport {

    private CompareReport() {
    }

    static List<String> ways(List<WayFigures> ways) {
        List<String> lines = new ArrayList<>();
        lines.add("| way | offered | accepted (2xx) | achieved /s | HTTP p50 / p99 / p99.9 ms | CONFIRMED | CONFIRMED /s"
                + " | consistency p50 / p99 / p99.9 ms | errors |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (WayFigures way : ways) {
            ConsistencyReader.Consistency c = way.consistency();
            lines.add(format("| %s | %d | %d | %.1f | %s | %s | %s | %s | %s |", way.way(), way.ordersOffered(),
                    way.ordersAccepted(), way.achievedOrderRate(), percentiles(way.httpLatency()),
                    c == null ? "-" : Long.toString(c.confirmed()),
                    c == null ? "-" : format("%.1f", c.confirmedPerSecond()),
                    c == null ? "-" : percentiles(c.timeToConsistency()), errors(way.errorsByKind())));
        }
        lines.add("");
        lines.addAll(cpu(ways));
        lines.add("");
        lines.add("Relative to dual write (above 1×: more throughput, a longer p99, or more CPU per order):");
        lines.add("");
        lines.add("| way | achieved /s | CONFIRMED /s | HTTP p99 | consistency p99 | CPU per order |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (WayFigures way : ways) {
            WayFigures.VersusDualWrite v = way.versusDualWrite();
            lines.add("| " + way.way() + " | " + times(v.achievedOrderRate()) + " | " + times(v.confirmedPerSecond())
                    + " | " + times(v.httpP99()) + " | " + times(v.timeToConsistencyP99()) + " | "
                    + times(v.cpuPerOrder()) + " |");
        }
        return lines;
    }

    /** CPU ms per accepted order by way and process; "-" where not separable (request rotation). */
    private static List<String> cpu(List<WayFigures> ways) {
        List<String> processes = ways.stream().filter(way -> way.cpuMsPerOrder() != null)
                .flatMap(way -> way.cpuMsPerOrder().byProcess().keySet().stream()).distinct()
                .sorted(Comparator.comparing(ProcessCpu.DRIVER::equals)).toList();
        List<String> lines = new ArrayList<>();
        lines.add("CPU ms per accepted order, by way (how it is attributed: see the notes):");
        lines.add("");
        lines.add("| way | " + processes.stream().map(p -> p + " | ").collect(Collectors.joining())
                + "total (platform) | vs dual write | orders counted |");
        lines.add("| --- |" + " ---: |".repeat(processes.size() + 3));
        for (WayFigures way : ways) {
            WayCpu.PerOrder cpu = way.cpuMsPerOrder();
            lines.add("| " + way.way() + " | " + processes.stream().map(p -> msPerOrder(cpu, p) + " | ")
                    .collect(Collectors.joining()) + (cpu == null ? "- | - | - |" : format("%.3f | %s | %d in %d s |", cpu.total(),
                    times(way.versusDualWrite().cpuPerOrder()), cpu.countedOrders(), cpu.countedSeconds())));
        }
        return lines;
    }

    static List<String> flash(FlashReport flash) {
        if (flash.figures() == null) {
            return List.of("Flash-sale phase " + flash.status() + (flash.reason().isEmpty() ? "" : ": " + flash.reason()));
        }
        FlashReport.Figures f = flash.figures();
        FlashReport.SaleAfter sale = f.sale();
        List<String> lines = new ArrayList<>();
        lines.add("| flash-sale phase | value |");
        lines.add("| --- | --- |");
        lines.add(format("| sale | %s: %d units of product %d, %d s |", f.saleId(), f.units(), f.productId(), f.seconds()));
        lines.add(format("| purchase requests /s offered / achieved | %.1f / %.1f (%d requests) |", f.offeredRate(),
                f.achievedRate(), f.requests()));
        lines.add(format("| accepted purchases /s | %.1f (%d) |", f.acceptedRate(), f.accepted()));
        lines.add("| rejected: " + String.join(" / ", f.rejectedByKind().keySet()) + " | "
                + f.rejectedByKind().entrySet().stream().map(e -> format("%d (%.1f %%)", e.getValue(),
                        100 * f.rejectedShareByKind().get(e.getKey()))).collect(Collectors.joining(" / ")) + " |");
        lines.add("| accepted latency p50 / p99 | " + p50p99(f.acceptedLatency()) + " |");
        lines.add("| rejected latency (409, 429) p50 / p99 | " + p50p99(f.rejectedLatency()) + " |");
        lines.add(format("| after settling | %d confirmed of %d units, %d cancelled, %d pending, %d queued (settled: %s,"
                        + " waited %.1f s), Redis %d left |", sale.confirmed(), f.units(), sale.cancelled(), sale.pending(),
                sale.queued(),
                sale.settled() ? "yes" : "NO", sale.waitedSeconds(), sale.redisRemaining()));
        lines.add("| oversold | " + (sale.oversold() ? "YES" : "no") + " |");
        return lines;
    }

    private static String msPerOrder(WayCpu.PerOrder cpu, String process) {
        return cpu == null || !cpu.byProcess().containsKey(process) ? "-"
                : format("%.3f", cpu.byProcess().get(process));
    }

    /** "0.93×", or "-" when there is no ratio. */
    static String times(Double ratio) {
        return ratio == null ? "-" : format("%.2f×", ratio);
    }

    private static String percentiles(LatencySummary s) {
        return s.count() == 0 ? "-" : format("%.1f / %.1f / %.1f", s.p50Ms(), s.p99Ms(), s.p999Ms());
    }

    private static String p50p99(LatencySummary s) {
        return s.count() == 0 ? "- (none)" : format("%.1f / %.1f ms (%d)", s.p50Ms(), s.p99Ms(), s.count());
    }

    private static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "none" : errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
