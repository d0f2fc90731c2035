package io.txlab.scenarios.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The console's text before and during a run; the results are the Markdown report. Formats only. */
final class ConsoleText {

    private ConsoleText() {
    }

    static List<String> settings(BenchOptions options, Bench.Target target, String inventoryUrl) {
        Schedule schedule = Schedule.of(options);
        return List.of(
                "TxLab open-model benchmark: " + options.profile().cliName() + " (a benchmark, not a test: it measures)",
                "  order service   " + target.api().orderUrl() + " (inventory " + inventoryUrl + ")",
                "  schedule        " + schedule.size() + " requests over " + schedule.totalSeconds() + " s: "
                        + schedule.segments().stream().map(ConsoleText::segment).collect(Collectors.joining(", ")),
                "  requests        " + (options.profile() == Profile.MIXED
                        ? "every 10th an order, the others reads (product stock, status of an earlier order)"
                        : "orders") + "; users " + RequestMix.FIRST_USER + ".." + (RequestMix.FIRST_USER
                        + RequestMix.USERS - 1) + " in turn, products 6 and 4, quantity 1",
                "  workers         " + options.workers() + " (HTTP/1.1, connect timeout 5 s, request timeout 10 s);"
                        + " latency runs from each request's intended send time",
                "  consistency     created_at -> updated_at of the run's CONFIRMED orders in " + target.database()
                        + ", read once none is PENDING (at most " + target.settleLimit().toSeconds() + " s)",
                "  machine         " + Runtime.getRuntime().availableProcessors() + " processors,"
                        + " shared with the platform if it runs here");
    }

    static String progress(OpenLoop.Progress progress) {
        return String.format(Locale.ROOT, "  [%4ds] offered %8.1f orders/s   achieved %8.1f orders/s   in flight %5d"
                        + "   errors %d", progress.elapsedSeconds(), progress.offeredPerSecond(),
                progress.achievedPerSecond(), progress.inFlight(), progress.errors());
    }

    private static String segment(Schedule.Segment segment) {
        String rate = segment.fromRate() == segment.toRate() ? fmt(segment.fromRate()) + "/s"
                : fmt(segment.fromRate()) + " -> " + fmt(segment.toRate()) + "/s";
        return segment.label() + " " + segment.seconds() + " s " + rate;
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%.1f", rate);
    }
}
