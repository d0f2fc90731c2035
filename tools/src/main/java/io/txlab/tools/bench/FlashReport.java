package io.txlab.tools.bench;

import java.util.Map;

/**
 * Compare's flash-sale phase, as written to the JSON file: {@code status} done (with {@code figures}), skipped
 * or failed (with the {@code reason}). Rates are requests/s, latencies milliseconds, shares fractions of the
 * requests.
 */
public record FlashReport(String status, String reason, Figures figures) {

    /**
     * {@code rejectedByKind}: sold-out, already-bought, rate-limited and other (any other answer, or none);
     * {@code outcomes}: every kind but accepted, as counted.
     */
    public record Figures(String saleId, long productId, int units, int seconds, long requests, double offeredRate,
                          double achievedRate, long accepted, double acceptedRate, Map<String, Long> rejectedByKind,
                          Map<String, Double> rejectedShareByKind, Map<String, Long> outcomes,
                          LatencySummary acceptedLatency, LatencySummary rejectedLatency, SaleAfter sale) {
    }

    /**
     * The sale once every accepted purchase was placed and none of its orders was pending ({@code settled}),
     * or when the wait's limit passed; {@code queued}: accepted purchases not placed yet.
     */
    public record SaleAfter(int confirmed, int cancelled, int pending, int queued, long redisRemaining, boolean settled,
                            double waitedSeconds, boolean oversold) {
    }

    static FlashReport done(Figures figures) {
        return new FlashReport("done", "", figures);
    }

    static FlashReport skipped(String reason) {
        return new FlashReport("skipped", reason, null);
    }

    static FlashReport failed(String reason) {
        return new FlashReport("failed", reason, null);
    }

    boolean oversold() {
        return figures != null && figures.sale().oversold();
    }
}
