package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result as a Markdown document: a table of the figures, for compare those of each way and of the flash-sale
 * phase, the steps, the notes. Formats only.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static List<String> lines(BenchResult result) {
        List<String> lines = new ArrayList<>();
        BenchOptions settings = result.settings();
        lines.add("# TxLab open-model benchmark: " + settings.profile().cliName() + " (" + result.startedAt() + ")");
        lines.add("");
        lines.add("Order service " + result.orderService() + ", " + "up to " + settings.connections() + " connections, "
                + result.availableProcessors() + " processors (shared with the platform if it runs here)."
                + " Latency runs from each request's intended send time.");
        lines.add("");
        lines.add("| figure | value |");
        lines.add("| --- | --- |");
        figures(result).forEach((name, value) -> lines.add("| " + name + " | " + value + " |"));
        if (!result.ways().isEmpty()) {
            lines.add("");
            lines.addAll(CompareReport.ways(result.ways()));
        }
        if (result.flash() != null) {
            lines.add("");
            lines.addAll(CompareReport.flash(result.flash()));
        }
        if (result.steps().size() > 1 || settings.profile() == Profile.STEP_UP) {
            lines.add("");
            lines.addAll(StepsReport.lines(result));
        }
        if (!result.notes().isEmpty()) {
            lines.add("");
            result.notes().forEach(note -> lines.add("- " + note));
        }
        return lines;
    }

    private static Map<String, String> figures(BenchResult result) {
        BenchResult.Figures f = result.figures();
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put("offered order rate", format("%.1f /s (%d orders)", f.offeredOrderRate(), f.ordersOffered()));
        rows.put("achieved order rate (202)", format("%.1f /s (%d orders in %.1f s)", f.achievedOrderRate(),
                f.ordersAccepted(), f.elapsedSeconds()));
        rows.put("sent > 100 ms late", Long.toString(f.lateSends()));
        rows.put("order POST latency p50 / p99 / p99.9 / max", latency(f.orderLatency()));
        if (f.readLatency() != null) {
            rows.put("read latency p50 / p99 / p99.9 / max", latency(f.readLatency()));
        }
        ConsistencyReader.Consistency c = f.consistency();
        if (c != null) {
            rows.put("CONFIRMED per second (DB timestamps)", format("%.1f /s", c.confirmedPerSecond()));
            rows.put("time to consistency p50 / p99 / p99.9 / max", latency(c.timeToConsistency()));
            rows.put("orders confirmed / cancelled / pending", format("%d / %d / %d (settled: %s, waited %.1f s)",
                    c.confirmed(), c.cancelled(), c.pending(), c.settled() ? "yes" : "NO", c.waitedSeconds()));
        }
        rows.put("errors", f.errorsByKind().isEmpty() ? "none" : f.errorsByKind().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        f.cpu().forEach(usage -> rows.put("CPU s per order: " + usage.name(),
                format("%.5f (%.2f s in all)", usage.cpuSecondsPerOrder(), usage.cpuSeconds())));
        return rows;
    }

    private static String latency(LatencySummary s) {
        return s.count() == 0 ? "- (none)" : format("%.1f / %.1f / %.1f / %.1f ms (%d)", s.p50Ms(), s.p99Ms(),
                s.p999Ms(), s.maxMs(), s.count());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
