package io.txlab.tools.load;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import io.txlab.tools.client.PurchaseOutcome;

/**
 * Every purchase's latency, per outcome, kept whole (a run is at most a few million longs) so percentiles
 * are exact: nearest rank on the sorted values. Thread-safe: the workers record while the progress line
 * reads the count.
 */
final class LatencyRecorder {

    /** Latencies of one or more outcomes, in nanoseconds. */
    record Summary(int count, long p50Nanos, long p99Nanos, long maxNanos) {
    }

    private final long[][] latencies = new long[PurchaseOutcome.values().length][16];
    private final int[] counts = new int[PurchaseOutcome.values().length];
    private int total;

    synchronized void record(PurchaseOutcome outcome, long nanos) {
        int slot = outcome.ordinal();
        if (counts[slot] == latencies[slot].length) {
            latencies[slot] = Arrays.copyOf(latencies[slot], latencies[slot].length * 2);
        }
        latencies[slot][counts[slot]++] = nanos;
        total++;
    }

    synchronized int count(PurchaseOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    synchronized int total() {
        return total;
    }

    /** Empty when none of the outcomes occurred. */
    synchronized Optional<Summary> summary(Set<PurchaseOutcome> outcomes) {
        long[] merged = new long[outcomes.stream().mapToInt(this::count).sum()];
        int filled = 0;
        for (PurchaseOutcome outcome : outcomes) {
            System.arraycopy(latencies[outcome.ordinal()], 0, merged, filled, counts[outcome.ordinal()]);
            filled += counts[outcome.ordinal()];
        }
        if (merged.length == 0) {
            return Optional.empty();
        }
        Arrays.sort(merged);
        return Optional.of(new Summary(merged.length, percentile(merged, 50), percentile(merged, 99),
                merged[merged.length - 1]));
    }

    /** Nearest rank: the smallest value that at least {@code percent}% of the values are less than or equal to. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
