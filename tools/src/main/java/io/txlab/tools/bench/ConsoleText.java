package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.txlab.tools.client.PublishingWay;

/** The console's text before and during a run; the results are the Markdown report. Formats only. */
final class ConsoleText {

    private ConsoleText() {
    }

    static List<String> settings(BenchOptions options, Bench.Target target, String inventoryUrl) {
        Schedule schedule = Schedule.of(options);
        List<String> lines = new ArrayList<>(List.of(
                "TxLab open-model benchmark: " + options.profile().cliName() + " (a benchmark, not a test: it measures)",
                "  order service   " + target.api().orderUrl() + " (inventory " + inventoryUrl + ")",
                "  schedule        " + schedule.size() + " requests over " + schedule.totalSeconds() + " s: "
                        + schedule.segments().stream().map(ConsoleText::segment).collect(Collectors.joining(", ")),
                "  requests        " + requests(options) + "; users " + RequestMix.FIRST_USER + ".."
                        + (RequestMix.FIRST_USER + RequestMix.USERS - 1) + " in turn, product " + RequestMix.PRODUCT
                        + ", quantity 1",
                "  connections     up to " + options.connections() + " (HTTP/1.1 keep-alive on one I/O thread, connect"
                        + " timeout 5 s, request timeout 10 s);"
                        + " latency runs from each request's intended send time",
                "  consistency     created_at -> updated_at of the run's CONFIRMED orders in " + target.database()
                        + ", read once none is PENDING (at most " + target.settleLimit().toSeconds()
                        + " s: --settle-seconds)",
                "  machine         " + Runtime.getRuntime().availableProcessors() + " processors,"
                        + " shared with the platform if it runs here"));
        if (options.profile() == Profile.STEP_UP) {
            lines.add(String.format(Locale.ROOT, "  knee            consistency knee: the last step of the unbroken run"
                    + " from the first where achieved >= 95 %% of offered, HTTP p99 < %d ms, >= 95 %% of the step's"
                    + " orders CONFIRMED or CANCELLED, and their time to consistency p99 < %d ms",
                    options.sloMillis(), options.consistencySloMillis()));
        }
        if (options.profile() == Profile.COMPARE) {
            lines.add("  then            " + (options.flash().seconds() == 0 ? "no flash-sale phase (--flash-seconds 0)"
                    : String.format(Locale.ROOT, "a flash-sale phase: %d purchases/s for %d s at a sale of %d units",
                    options.flash().rate(), options.flash().seconds(), options.flash().units())));
        }
        return lines;
    }

    static String flashStart(String saleId, BenchOptions.FlashPhase phase) {
        return String.format(Locale.ROOT, "flash-sale phase: sale %s of %d units of product %d; %d purchases/s for"
                        + " %d s, open model, from users %d.. (every %dth a buyer's second click)", saleId,
                phase.units(), RequestMix.PRODUCT, phase.rate(), phase.seconds(), RequestMix.FIRST_USER,
                FlashSalePhase.SECOND_CLICK_EVERY);
    }

    static String flashProgress(OpenLoop.Progress progress) {
        return String.format(Locale.ROOT, "  [%4ds] flash: offered %8.1f purchases/s   accepted %8.1f /s   in flight"
                        + " %5d   rejected %d", progress.elapsedSeconds(), progress.offeredPerSecond(),
                progress.achievedPerSecond(), progress.inFlight(), progress.errors());
    }

    static String progress(OpenLoop.Progress progress) {
        return String.format(Locale.ROOT, "  [%4ds] offered %8.1f orders/s   achieved %8.1f orders/s   in flight %5d"
                        + "   errors %d", progress.elapsedSeconds(), progress.offeredPerSecond(),
                progress.achievedPerSecond(), progress.inFlight(), progress.errors());
    }

    static String settling(ConsistencyReader.Settling settling) {
        return String.format(Locale.ROOT, "  [settle %4ds] %,d order(s) still PENDING (waiting up to %d s:"
                + " --settle-seconds)", settling.waitedSeconds(), settling.pending(), settling.limitSeconds());
    }

    private static String requests(BenchOptions options) {
        return switch (options.profile()) {
            case MIXED -> "every 10th an order, the others reads (product stock, status of an earlier order)";
            case COMPARE -> (options.rotation() == Rotation.BLOCK ? "orders, in blocks of " + options.blockSeconds()
                    + " s taking turns (--rotation block; CPU sampled every second, per way): "
                    : "orders, taking turns order by order (--rotation request; no CPU per way): ")
                    + String.join(", ", Arrays.stream(PublishingWay.values())
                    .map(way -> way.label() + " (POST " + way.path() + ")").toList());
            default -> "orders";
        };
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
