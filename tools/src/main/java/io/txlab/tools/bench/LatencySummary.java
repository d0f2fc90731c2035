package io.txlab.tools.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a histogram of microseconds, in milliseconds; all zero when it is empty. */
public record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

    /** Microsecond values, 3 significant digits, auto-resizing: a run's range is not known up front. */
    public static Histogram newHistogram() {
        Histogram histogram = new Histogram(3);
        histogram.setAutoResize(true);
        return histogram;
    }

    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
