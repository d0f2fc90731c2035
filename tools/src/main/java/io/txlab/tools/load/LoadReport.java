package io.txlab.tools.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.PurchaseOutcome;

/** The benchmark's text: settings, progress, results, the sale once settled. Formats only; FlashLoadMain prints. */
final class LoadReport {

    private LoadReport() {
    }

    static List<String> settings(LoadOptions options, int processors, String orderUrl) {
        return List.of(
                "Flash-sale benchmark: a benchmark, not a test (it measures; it fails only if the sale is oversold)",
                "  order service   " + orderUrl,
                "  sale            product " + options.productId() + ", " + options.units() + " units",
                "  buyers          " + options.buyers() + " (users " + LoadOptions.FIRST_BUYER + ".." + options.lastBuyer()
                        + "), " + options.requestsPerBuyer() + " purchase(s) each, a buyer's back to back",
                "  requests        " + options.requests() + ", each a new requestId; 429s and 503s are counted, not retried",
                "  concurrency     " + options.concurrency() + " workers, closed model: a worker sends its next purchase"
                        + " when the previous one is answered;",
                "                  latency runs from that intended start (client-side waits included), but a slow"
                        + " server also slows the offered load",
                "  machine         " + processors + " processors (Runtime.availableProcessors), shared with the"
                        + " platform if it runs here");
    }

    static String sale(String saleId, Instant startsAt, Instant endsAt) {
        return "  sale id         " + saleId + ", open " + startsAt + " .. " + endsAt;
    }

    static String progress(FlashLoad.Progress progress) {
        int width = Integer.toString(progress.total()).length();
        return String.format(Locale.ROOT, "  progress  %" + width + "d/%d requests  %8.1f req/s", progress.done(),
                progress.total(), progress.requestsPerSecond());
    }

    static List<String> results(FlashLoad.Result result) {
        LatencyRecorder latencies = result.latencies();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Results: %d requests in %.2f s = %.1f requests/s (closed model)",
                latencies.total(), result.elapsedNanos() / 1e9, result.requestsPerSecond()));
        lines.add(String.format(Locale.ROOT, "  %-38s %8s", "outcome", "count"));
        for (PurchaseOutcome outcome : PurchaseOutcome.values()) {
            lines.add(String.format(Locale.ROOT, "  %-38s %8d", outcome.label(), latencies.count(outcome)));
        }
        result.firstError().ifPresent(error -> lines.add("  first error: " + error));
        lines.add(String.format(Locale.ROOT, "  %-38s %8s %9s %9s %9s", "latency (ms)", "count", "p50", "p99", "max"));
        lines.add(latencyLine("accepted (202)", latencies.summary(Set.of(PurchaseOutcome.ACCEPTED))));
        lines.add(latencyLine("rejected (409 + 429)", latencies.summary(PurchaseOutcome.REJECTED)));
        return lines;
    }

    /** {@code settled}: no order still pending; else the counts may still move. */
    static List<String> settled(FlashSales.SaleState state, boolean settled, long waitedNanos) {
        String header = settled
                ? String.format(Locale.ROOT, "Sale after settling (no order pending, waited %.1f s):", waitedNanos / 1e9)
                : String.format(Locale.ROOT, "Sale NOT settled: %d order(s) still pending after %.0f s; counts may move:",
                        state.pending(), waitedNanos / 1e9);
        return List.of(header, String.format(Locale.ROOT,
                "  units %d   confirmed %d   cancelled %d   pending %d   redisRemaining %d", state.units(),
                state.confirmed(), state.cancelled(), state.pending(), state.redisRemaining()));
    }

    static String oversold(boolean oversold) {
        return oversold ? "oversold: YES" : "oversold: no";
    }

    private static String latencyLine(String what, Optional<LatencyRecorder.Summary> summary) {
        return summary.map(s -> String.format(Locale.ROOT, "  %-38s %8d %9.1f %9.1f %9.1f", what, s.count(),
                        millis(s.p50Nanos()), millis(s.p99Nanos()), millis(s.maxNanos())))
                .orElse(String.format(Locale.ROOT, "  %-38s %8d %9s %9s %9s", what, 0, "-", "-", "-"));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
