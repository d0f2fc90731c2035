package io.txlab.tools.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.txlab.tools.client.FlashSales;
import io.txlab.tools.client.PurchaseOutcome;

/**
 * Compare's flash-sale phase: a sale of product 7, then purchases at a fixed rate (open model, latency from each
 * one's intended time), from distinct buyers but every fifth purchase a buyer's second click, so already-bought
 * shows; then the sale once its orders settle, and whether it was oversold. Prints nothing: lines go to a consumer.
 */
final class FlashSalePhase {

    static final int SECOND_CLICK_EVERY = 5;
    static final List<String> REJECTIONS = List.of("sold-out", "already-bought", "rate-limited", "other");
    private static final Duration SALE_LENGTH = Duration.ofMinutes(10);
    private static final Set<String> REFUSALS = PurchaseOutcome.REJECTED.stream().map(FlashSalePhase::kind)
            .collect(Collectors.toSet());

    private final FlashSales api;
    private final Duration settleLimit;

    FlashSalePhase(FlashSales api, Duration settleLimit) {
        this.api = api;
        this.settleLimit = settleLimit;
    }

    /** @throws FlashSales.UnexpectedAnswer or PlatformClient.Unreachable when the sale cannot be created or read */
    FlashReport run(BenchOptions.FlashPhase phase, Consumer<String> lines) {
        FlashSales.Sale sale = api.openSale(RequestMix.PRODUCT, phase.units(), SALE_LENGTH);
        lines.accept(ConsoleText.flashStart(sale.saleId(), phase));
        Schedule schedule = new Schedule(List.of(new Schedule.Segment("flash sale", phase.seconds(), phase.rate(),
                phase.rate())));
        Recording recording = new Recording();
        long elapsedNanos = new OpenLoop(schedule, new RequestMix(false, WayRotation.NONE))
                .run(i -> purchase(sale.saleId(), i), recording, progress -> lines.accept(ConsoleText.flashProgress(progress)));
        FlashSales.Settled settled = api.awaitSettled(sale.saleId(), settleLimit);
        return FlashReport.done(figures(sale.saleId(), phase, schedule, recording, elapsedNanos / 1e9, settled));
    }

    /** The user who sends purchase {@code i}: a new buyer each time, but every fifth purchase repeats the last. */
    static long buyer(int i) {
        return RequestMix.FIRST_USER + (i - (i + 1) / SECOND_CLICK_EVERY) % RequestMix.USERS;
    }

    /** Which of {@link #REJECTIONS} an error kind counts as. */
    static String rejection(String kind) {
        return REJECTIONS.contains(kind) ? kind : "other";
    }

    private CompletionStage<OpenLoop.Result> purchase(String saleId, int i) {
        return api.purchase(saleId, buyer(i)).handle((outcome, failure) -> {
            if (failure == null) {
                return outcome == PurchaseOutcome.ACCEPTED ? OpenLoop.Result.ok("")
                        : OpenLoop.Result.failed(kind(outcome));
            }
            return OpenLoop.Result.failed(FlashSales.causeOf(failure) instanceof FlashSales.UnexpectedAnswer
                    ? "other: unexpected answer"
                    : "other: no answer");
        });
    }

    private static String kind(PurchaseOutcome outcome) {
        return switch (outcome) {
            case SOLD_OUT -> "sold-out";
            case ALREADY_BOUGHT -> "already-bought";
            case RATE_LIMITED -> "rate-limited";
            case OTHER_CONFLICT -> "other: 409";
            case UNAVAILABLE -> "other: 503";
            case ACCEPTED, ERROR -> "other: " + outcome.name().toLowerCase();
        };
    }

    private static FlashReport.Figures figures(String saleId, BenchOptions.FlashPhase phase, Schedule schedule,
                                               Recording recording, double elapsed, FlashSales.Settled settled) {
        Recording.Totals totals = recording.totals();
        Map<String, Long> outcomes = recording.errorsByKind();
        Map<String, Long> rejected = new LinkedHashMap<>();
        REJECTIONS.forEach(kind -> rejected.put(kind, 0L));
        outcomes.forEach((kind, count) -> rejected.merge(rejection(kind), count, Long::sum));
        Map<String, Double> shares = new LinkedHashMap<>();
        rejected.forEach((kind, count) -> shares.put(kind, totals.offeredOrders() == 0 ? 0
                : (double) count / totals.offeredOrders()));
        FlashSales.SaleState state = settled.state();
        FlashReport.SaleAfter after = new FlashReport.SaleAfter(state.confirmed(), state.cancelled(), state.pending(),
                state.queued(), state.redisRemaining(), settled.settled(), settled.waitedNanos() / 1e9, state.confirmed() > phase.units());
        return new FlashReport.Figures(saleId, RequestMix.PRODUCT, phase.units(), phase.seconds(),
                totals.offeredOrders(), (double) totals.offeredOrders() / schedule.totalSeconds(),
                elapsed > 0 ? totals.completed() / elapsed : 0, totals.acceptedOrders(),
                elapsed > 0 ? totals.acceptedOrders() / elapsed : 0, rejected, shares, outcomes,
                recording.acceptedOrderLatency(), recording.failedOrderLatency(REFUSALS::contains), after);
    }
}
