package io.txlab.tools.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, as written to the JSON file. Rates are orders/s, latencies milliseconds.
 * {@code readLatency} is null but for mixed. {@code knee} is step-up's consistency knee (see {@link Steps}), null
 * when there is none (or not step-up); {@code kneeEndedBy} the first step that did not hold and what it broke
 * ("step 5 at 150/s: consistency p99 4,210 ms ≥ SLO 1000 ms"), null when every step held (or not step-up);
 * {@code consistency} null when the database could not be read (a note says why). {@code ways} (each publishing
 * way's figures) is empty and {@code flash} (the flash-sale phase) null but for compare; {@code figures} are
 * those of all orders together, without the flash-sale phase.
 */
public record BenchResult(BenchOptions settings, String startedAt, String orderService, int availableProcessors,
                          Figures figures, List<WayFigures> ways, FlashReport flash, List<Steps.Step> steps,
                          Steps.Step knee, String kneeEndedBy, List<SecondStats.Point> timeSeries,
                          List<String> notes) {

    /**
     * {@code lateSends}: requests handed to the client more than 100 ms after their intended time (the dispatcher
     * behind).
     */
    public record Figures(long ordersOffered, long ordersAccepted, double offeredOrderRate, double achievedOrderRate,
                          double elapsedSeconds, long lateSends, LatencySummary orderLatency,
                          LatencySummary readLatency, Map<String, Long> errorsByKind,
                          ConsistencyReader.Consistency consistency, List<ProcessCpu.Usage> cpu) {
    }

    public long errors() {
        return figures.errorsByKind().values().stream().mapToLong(Long::longValue).sum();
    }
}
