package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.HdrHistogram.Histogram;

/**
 * The answers to one group of requests (a run's orders, or those of one publishing way): latency of all, of the
 * accepted and of each error kind, in microseconds; the accepted orders' ids; errors by kind. Not thread-safe:
 * {@link Recording} guards it.
 */
final class Tally {

    private final Histogram micros = LatencySummary.newHistogram();
    private final Histogram acceptedMicros = LatencySummary.newHistogram();
    private final Map<String, Histogram> failedMicros = new TreeMap<>();
    private final List<String> acceptedIds = new ArrayList<>();

    /** {@code error} empty: accepted, with {@code orderId} (which may be empty for a purchase). */
    void add(long micros, Optional<String> error, String orderId) {
        this.micros.recordValue(micros);
        if (error.isPresent()) {
            failedMicros.computeIfAbsent(error.get(), kind -> LatencySummary.newHistogram()).recordValue(micros);
        } else {
            acceptedMicros.recordValue(micros);
            acceptedIds.add(orderId);
        }
    }

    long accepted() {
        return acceptedMicros.getTotalCount();
    }

    List<String> acceptedIds() {
        return acceptedIds;
    }

    LatencySummary latency() {
        return LatencySummary.of(micros);
    }

    LatencySummary acceptedLatency() {
        return LatencySummary.of(acceptedMicros);
    }

    /** The latency of the failed requests whose error kind {@code kinds} accepts. */
    LatencySummary failedLatency(Predicate<String> kinds) {
        Histogram merged = LatencySummary.newHistogram();
        failedMicros.forEach((kind, histogram) -> {
            if (kinds.test(kind)) {
                merged.add(histogram);
            }
        });
        return LatencySummary.of(merged);
    }

    Map<String, Long> errorsByKind() {
        Map<String, Long> errors = new TreeMap<>();
        failedMicros.forEach((kind, histogram) -> errors.put(kind, histogram.getTotalCount()));
        return errors;
    }
}
