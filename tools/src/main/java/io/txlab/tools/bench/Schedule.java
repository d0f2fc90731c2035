package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * When each request of a run is meant to be sent: a pure function of its index. The run is a list of segments,
 * each with a rate going linearly from {@code fromRate} to {@code toRate}; request {@code j} of a segment is due
 * when the integral of the rate since the segment's start reaches {@code j} (so at a constant rate N, t = j/N).
 */
public final class Schedule {

    /** Rates in requests/s. */
    public record Segment(String label, int seconds, double fromRate, double toRate) {

        int requests() {
            return (int) Math.round((fromRate + toRate) / 2 * seconds);
        }

        /** Seconds after the segment's start: solves fromRate*t + (toRate-fromRate)/(2*seconds)*t^2 = j. */
        double offsetSeconds(int j) {
            if (j == 0) {
                return 0;
            }
            double a = (toRate - fromRate) / (2.0 * seconds);
            // the form 2j / (b + sqrt(b^2 + 4aj)) stays exact when a is 0 or tiny, and when b is 0
            double root = Math.sqrt(Math.max(0, fromRate * fromRate + 4 * a * j));
            return 2.0 * j / (fromRate + root);
        }
    }

    private final List<Segment> segments;
    private final int[] firstRequest;

    public Schedule(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.firstRequest = new int[segments.size() + 1];
        for (int k = 0; k < segments.size(); k++) {
            firstRequest[k + 1] = firstRequest[k] + segments.get(k).requests();
        }
    }

    public static Schedule of(BenchOptions options) {
        List<Segment> segments = new ArrayList<>();
        switch (options.profile()) {
            case CONSTANT, MIXED, COMPARE -> segments.add(new Segment(options.profile().cliName(),
                    options.durationSeconds(), options.rate(), options.rate()));
            case STEP_UP -> {
                for (int rate = options.rate(); rate <= options.maxRate(); rate += options.step()) {
                    segments.add(new Segment("step " + (segments.size() + 1) + " at " + rate + "/s",
                            options.stepSeconds(), rate, rate));
                }
            }
            case SALE -> {
                segments.add(new Segment("ramp-up", options.rampUpSeconds(), 0, options.rate()));
                if (options.holdSeconds() > 0) {
                    segments.add(new Segment("hold", options.holdSeconds(), options.rate(), options.rate()));
                }
                segments.add(new Segment("ramp-down", options.rampDownSeconds(), options.rate(), 0));
            }
        }
        return new Schedule(segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    public int size() {
        return firstRequest[segments.size()];
    }

    /** Nanoseconds from the run's start at which request {@code i} is due. */
    public long offsetNanos(int i) {
        int k = segmentOf(i);
        return segmentStartNanos(k) + Math.round(segments.get(k).offsetSeconds(i - firstRequest[k]) * 1e9);
    }

    public int segmentOf(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("request " + i + " of " + size());
        }
        int k = 0;
        while (firstRequest[k + 1] <= i) {
            k++;
        }
        return k;
    }

    public long segmentStartNanos(int k) {
        long seconds = 0;
        for (int s = 0; s < k; s++) {
            seconds += segments.get(s).seconds();
        }
        return seconds * 1_000_000_000L;
    }

    public int totalSeconds() {
        return segments.stream().mapToInt(Segment::seconds).sum();
    }
}
