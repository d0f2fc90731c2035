package io.txlab.scenarios.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One benchmark run: sends the profile's requests on schedule, then waits for the accepted orders to settle
 * and reads their timestamps, and measures the CPU the platform spent meanwhile. Prints nothing.
 */
public final class Bench {

    /** Where the platform is and how to measure it. */
    public record Target(BenchApi api, OrderDatabase database, Path runDir, long clockTicks, Duration settleLimit) {
    }

    private final Target target;

    public Bench(Target target) {
        this.target = target;
    }

    public BenchResult run(BenchOptions options, Consumer<OpenLoop.Progress> progress) {
        Schedule schedule = Schedule.of(options);
        RequestMix mix = new RequestMix(options.profile() == Profile.MIXED);
        Recording recording = new Recording();
        ProcessCpu cpu = new ProcessCpu(target.runDir(), Path.of("/proc"), target.clockTicks());
        String startedAt = Instant.now().toString();
        ProcessCpu.Sample before = cpu.sample();
        long elapsedNanos = new OpenLoop(schedule, mix, options.workers())
                .run(new Requests(target.api(), mix, recording)::perform, recording, progress);
        List<String> notes = new ArrayList<>(before.notes());
        ConsistencyReader.Consistency consistency = consistency(recording.acceptedOrderIds(), notes);
        List<ProcessCpu.Usage> usage = cpu.usage(before, cpu.sample(), recording.acceptedOrderIds().size());
        List<Steps.Step> steps = Steps.of(schedule, recording);
        BenchResult.Figures figures = figures(options, schedule, recording, elapsedNanos, consistency, usage);
        Steps.Step knee = options.profile() == Profile.STEP_UP
                ? Steps.knee(steps, options.sloMillis()).orElse(null) : null;
        return new BenchResult(options, startedAt, target.api().orderUrl(), Runtime.getRuntime().availableProcessors(),
                figures, steps, knee, recording.timeSeries(), notes);
    }

    private ConsistencyReader.Consistency consistency(List<String> orderIds, List<String> notes) {
        try {
            ConsistencyReader.Consistency consistency =
                    new ConsistencyReader(target.database(), target.settleLimit()).read(orderIds);
            if (!consistency.settled()) {
                notes.add(consistency.pending() + " order(s) still PENDING after " + target.settleLimit().toSeconds()
                        + " s: time to consistency covers the confirmed ones only");
            }
            return consistency;
        } catch (SQLException e) {
            notes.add("could not read the orders from " + target.database() + ": " + e.getMessage());
            return null;
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

    /** What each request does; a request never throws: every failure is an error kind. */
    private record Requests(BenchApi api, RequestMix mix, Recording recording) {

        OpenLoop.Result perform(int i) {
            try {
                return switch (mix.kind(i)) {
                    case ORDER -> order(mix.orderNumber(i));
                    case STOCK_READ -> read(api.productStock(mix.readProduct(i)));
                    case STATUS_READ -> read(recording.randomAcceptedOrder().map(api::orderStatus)
                            .orElseGet(() -> api.productStock(mix.readProduct(i))));
                };
            } catch (BenchApi.NoAnswer e) {
                return OpenLoop.Result.failed(e.kind());
            }
        }

        private OpenLoop.Result order(int orderNumber) {
            BenchApi.Answer answer = api.placeOrder(UUID.randomUUID().toString(), mix.user(orderNumber),
                    mix.product(orderNumber));
            return answer.status() == 202 && !answer.orderId().isEmpty() ? OpenLoop.Result.ok(answer.orderId())
                    : OpenLoop.Result.failed("HTTP " + answer.status());
        }

        private static OpenLoop.Result read(BenchApi.Answer answer) {
            return answer.status() == 200 ? OpenLoop.Result.ok("") : OpenLoop.Result.failed("HTTP " + answer.status());
        }
    }
}
