package io.txlab.tools.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.KeepAliveHttp;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PublishingWay;

/**
 * One benchmark run: sends the profile's requests on schedule, then waits for the accepted orders to settle
 * and reads their timestamps, and measures the CPU the platform spent meanwhile; for compare, then the flash-sale
 * phase. Prints nothing: progress lines go to a consumer.
 */
public final class Bench {

    /** Where the platform is and how to measure it; {@code adminToken} empty when there is none (no flash phase). */
    public record Target(PlatformClient api, OrderDatabase database, Path runDir, long clockTicks, Duration settleLimit,
                         Optional<String> adminToken) {
    }

    private final Target target;

    public Bench(Target target) {
        this.target = target;
    }

    public BenchResult run(BenchOptions options, Consumer<String> progressLines) {
        Schedule schedule = Schedule.of(options);
        RequestMix mix = RequestMix.of(options);
        Recording recording = new Recording();
        ProcessCpu cpu = new ProcessCpu(target.runDir(), Path.of("/proc"), target.clockTicks());
        String startedAt = Instant.now().toString();
        ProcessCpu.Sample before = cpu.sample();
        long start = System.nanoTime();
        CpuTimeline timeline = options.rotation() == Rotation.BLOCK ? CpuTimeline.start(cpu, start) : null;
        long elapsedNanos = new OpenLoop(schedule, mix).run(
                new Requests(target.api(), mix, schedule, recording)::perform, recording,
                progress -> progressLines.accept(ConsoleText.progress(progress)), start);
        List<ProcessCpu.Sample> perSecond = timeline == null ? List.of() : timeline.stopAt(schedule.totalSeconds());
        List<String> notes = new ArrayList<>(before.notes());
        boolean compare = options.profile() == Profile.COMPARE;
        if (compare) {
            notes.addAll(wayCpuNotes(options, timeline));
        }
        SettledOrders settled = settle(schedule, recording, compare, progressLines, notes);
        List<ProcessCpu.Usage> usage = cpu.usage(before, cpu.sample(), recording.acceptedOrderIds().size());
        List<Steps.Step> steps = Steps.of(schedule, recording, settled == null ? null : settled.bySegment());
        BenchResult.Figures figures = figures(options, schedule, recording, elapsedNanos,
                settled == null ? null : settled.all(), usage);
        boolean stepUp = options.profile() == Profile.STEP_UP;
        Steps.Slo slo = Steps.Slo.of(options);
        Steps.Step knee = stepUp ? Steps.knee(steps, slo).orElse(null) : null;
        String kneeEndedBy = stepUp ? Steps.firstBreak(steps, slo).orElse(null) : null;
        Map<PublishingWay, WayCpu.PerOrder> wayCpu = timeline == null ? Map.of() : WayCpu.attribute(mix.ways(),
                perSecond, second -> recording.acceptedIdsDue(second, second + 1).size(), target.clockTicks());
        List<WayFigures> ways = compare ? Comparison.of(mix.ways().offered(schedule), figures.elapsedSeconds(),
                answers(recording), settled == null ? Map.of() : settled.byWay(), wayCpu) : List.of();
        FlashReport flash = compare ? flash(options, progressLines, notes) : null;
        return new BenchResult(options, startedAt, target.api().orderUrl(), Runtime.getRuntime().availableProcessors(),
                figures, ways, flash, steps, knee, kneeEndedBy, recording.timeSeries(), notes);
    }

    private static List<String> wayCpuNotes(BenchOptions options, CpuTimeline timeline) {
        List<String> notes = new ArrayList<>(List.of(WayCpu.note(options)));
        if (timeline != null && timeline.lateSamples() > 0) {
            notes.add(timeline.lateSamples() + " per-second CPU sample(s) came more than 200 ms late (a busy machine):"
                    + " the CPU per way around them is less exact");
        }
        return notes;
    }

    private static Map<PublishingWay, Recording.WayAnswers> answers(Recording recording) {
        Map<PublishingWay, Recording.WayAnswers> answers = new EnumMap<>(PublishingWay.class);
        for (PublishingWay way : PublishingWay.values()) {
            answers.put(way, recording.answers(way));
        }
        return answers;
    }

    /** Null when the orders could not be read (a note says why). */
    private SettledOrders settle(Schedule schedule, Recording recording, boolean compare,
                                 Consumer<String> progressLines, List<String> notes) {
        ConsistencyReader reader = new ConsistencyReader(target.database(), target.settleLimit(),
                settling -> progressLines.accept(ConsoleText.settling(settling)));
        try {
            SettledOrders settled = SettledOrders.read(reader, schedule, recording, compare);
            if (!settled.all().settled()) {
                notes.add(settled.all().pending() + " order(s) still PENDING after " + target.settleLimit().toSeconds()
                        + " s (--settle-seconds): time to consistency covers the confirmed ones only");
            }
            return settled;
        } catch (SQLException e) {
            notes.add("could not read the orders from " + target.database() + ": " + e.getMessage());
            return null;
        }
    }

    private FlashReport flash(BenchOptions options, Consumer<String> progressLines, List<String> notes) {
        if (options.flash().seconds() == 0) {
            return FlashReport.skipped("--flash-seconds 0");
        }
        if (target.adminToken().isEmpty()) {
            String reason = "no admin token to create the sale with (set TXLAB_ADMIN_TOKEN, or keep it in "
                    + target.runDir().resolve("admin-token") + ")";
            progressLines.accept("flash-sale phase skipped: " + reason);
            notes.add("flash-sale phase skipped: " + reason);
            return FlashReport.skipped(reason);
        }
        try {
            return new FlashSalePhase(new FlashSales(target.api(), target.adminToken().get()), target.settleLimit())
                    .run(options.flash(), progressLines);
        } catch (FlashSales.UnexpectedAnswer | PlatformClient.Unreachable e) {
            notes.add("flash-sale phase failed: " + e.getMessage());
            return FlashReport.failed(e.getMessage());
        }
    }

    private static BenchResult.Figures figures(BenchOptions options, Schedule schedule, Recording recording,
                                               long elapsedNanos, ConsistencyReader.Consistency consistency,
                                               List<ProcessCpu.Usage> cpu) {
        long offered = recording.totals().offeredOrders();
        long accepted = recording.totals().acceptedOrders();
        double elapsed = elapsedNanos / 1e9;
        return new BenchResult.Figures(offered, accepted, (double) offered / schedule.totalSeconds(),
                elapsed == 0 ? 0 : accepted / elapsed, elapsed, recording.late(), recording.orderLatency(),
                options.profile() == Profile.MIXED ? recording.readLatency() : null, recording.errorsByKind(),
                consistency, cpu);
    }

    /** What each request does; a request's stage never fails: every failure is an error kind. */
    private record Requests(PlatformClient api, RequestMix mix, Schedule schedule, Recording recording) {

        CompletionStage<OpenLoop.Result> perform(int i) {
            return switch (mix.kind(i)) {
                case ORDER -> order(mix.orderNumber(i), OpenLoop.secondOf(schedule.offsetNanos(i)));
                case STOCK_READ -> read(api.productStatusCode(mix.readProduct(i)));
                case STATUS_READ -> read(recording.randomAcceptedOrder().map(api::orderStatusCode)
                        .orElseGet(() -> api.productStatusCode(mix.readProduct(i))));
            };
        }

        private CompletionStage<OpenLoop.Result> order(int orderNumber, int dueSecond) {
            PublishingWay way = mix.way(orderNumber, dueSecond);
            return api.placeOrder(way, UUID.randomUUID().toString(), mix.user(orderNumber), mix.product(orderNumber),
                    1).handle((placed, failure) -> ordered(placed, failure).by(way));
        }

        private static OpenLoop.Result ordered(PlatformClient.Placed placed, Throwable failure) {
            if (failure != null) {
                return OpenLoop.Result.failed(KeepAliveHttp.NoAnswer.kindOf(failure));
            }
            return placed.status() / 100 == 2 && !placed.orderId().isEmpty() ? OpenLoop.Result.ok(placed.orderId())
                    : OpenLoop.Result.failed("HTTP " + placed.status());
        }

        private static CompletionStage<OpenLoop.Result> read(CompletableFuture<Integer> status) {
            return status.handle((read, failure) -> failure != null
                    ? OpenLoop.Result.failed(KeepAliveHttp.NoAnswer.kindOf(failure))
                    : read == 200 ? OpenLoop.Result.ok("") : OpenLoop.Result.failed("HTTP " + read));
        }
    }
}
