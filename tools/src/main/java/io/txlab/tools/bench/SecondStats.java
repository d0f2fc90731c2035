package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/** What happened in one second of a run. Not thread-safe: {@link Recording} guards it. */
final class SecondStats {

    /** One point of the time series, as reported. */
    public record Point(int second, long offeredOrders, long achievedOrders, long reads, long errors,
                        double orderP99Ms, double readP99Ms) {
    }

    long offeredOrders;
    long acceptedOrders;
    long okReads;
    long errors;
    /** The orders accepted whose request was due in this second, whenever they were answered. */
    final List<String> acceptedIdsDue = new ArrayList<>();
    final Histogram orderMicros = LatencySummary.newHistogram();
    final Histogram readMicros = LatencySummary.newHistogram();

    Point point(int second) {
        return new Point(second, offeredOrders, acceptedOrders, okReads, errors,
                LatencySummary.of(orderMicros).p99Ms(), LatencySummary.of(readMicros).p99Ms());
    }
}
