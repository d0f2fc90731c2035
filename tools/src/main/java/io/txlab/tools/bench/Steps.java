package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of each segment of a run (for step-up, each step) and the consistency knee: the highest step whose
 * orders the platform still brings to a consistent state in time. A step holds when its achieved order rate is at
 * least 95 % of the offered one, its HTTP p99 is under the HTTP SLO, at least 95 % of the orders scheduled in it
 * reached CONFIRMED or CANCELLED, and their time to consistency p99 is under the consistency SLO: accepting
 * orders (HTTP) is not finishing them, and a platform past its knee accepts far more than it confirms. The knee
 * is the last step of the unbroken run of holding steps from the first: a step that holds after one that did
 * not is a backlog draining, not headroom.
 */
public final class Steps {

    /**
     * Rates in orders/s of the step's seconds; achieved counts the 202s completed within them. {@code consistency}
     * is that of the orders scheduled in the step (whenever they were answered), read once settled; null when the
     * database could not be read. {@code confirmedRate}: those of them CONFIRMED, per second of the step.
     */
    public record Step(String label, double offeredRate, double achievedRate, double p99Ms, long errors,
                       double confirmedRate, ConsistencyReader.Consistency consistency) {

        /** The share of the step's orders in a final state, CONFIRMED or CANCELLED; 0 when it has none. */
        double finalShare() {
            return consistency == null || consistency.orders() == 0 ? 0
                    : (double) (consistency.confirmed() + consistency.cancelled()) / consistency.orders();
        }
    }

    /** What a step must stay under: its HTTP p99 and its orders' time-to-consistency p99, in ms. */
    public record Slo(int httpP99Millis, int consistencyP99Millis) {

        static Slo of(BenchOptions options) {
            return new Slo(options.sloMillis(), options.consistencySloMillis());
        }
    }

    static final double KEEPS_UP = 0.95;
    static final double SETTLES = 0.95;

    private Steps() {
    }

    /** {@code consistencyBySegment}: one per segment of the schedule, in order; null when it could not be read. */
    static List<Step> of(Schedule schedule, Recording recording,
                         List<ConsistencyReader.Consistency> consistencyBySegment) {
        List<Step> steps = new ArrayList<>();
        int from = 0;
        for (Schedule.Segment segment : schedule.segments()) {
            Recording.Window window = recording.window(from, from + segment.seconds());
            ConsistencyReader.Consistency consistency = consistencyBySegment == null ? null
                    : consistencyBySegment.get(steps.size());
            steps.add(new Step(segment.label(), (double) window.offeredOrders() / segment.seconds(),
                    (double) window.acceptedOrders() / segment.seconds(), window.orderLatency().p99Ms(),
                    window.errors(), consistency == null ? 0 : (double) consistency.confirmed() / segment.seconds(),
                    consistency));
            from += segment.seconds();
        }
        return steps;
    }

    /** Every condition the step breaks, in the order of the rule; empty when it holds. */
    public static List<String> broken(Step step, Slo slo) {
        if (step.offeredRate() <= 0) {
            return List.of("no orders offered");
        }
        List<String> broken = new ArrayList<>();
        if (step.achievedRate() < KEEPS_UP * step.offeredRate()) {
            broken.add(format("achieved %.1f/s < 95 %% of offered %.1f/s", step.achievedRate(), step.offeredRate()));
        }
        if (step.p99Ms() >= slo.httpP99Millis()) {
            broken.add(format("HTTP p99 %,.0f ms ≥ SLO %d ms", step.p99Ms(), slo.httpP99Millis()));
        }
        ConsistencyReader.Consistency consistency = step.consistency();
        if (consistency == null) {
            broken.add("consistency unknown (the orders could not be read)");
            return broken;
        }
        if (step.finalShare() < SETTLES) {
            broken.add(format("%.1f %% of its %,d orders CONFIRMED or CANCELLED < 95 %% (%,d still PENDING)",
                    100 * step.finalShare(), consistency.orders(), consistency.pending()));
        }
        double p99 = consistency.timeToConsistency().p99Ms();
        if (p99 >= slo.consistencyP99Millis()) {
            broken.add(format("consistency p99 %,.0f ms ≥ SLO %d ms", p99, slo.consistencyP99Millis()));
        }
        return broken;
    }

    public static boolean holds(Step step, Slo slo) {
        return broken(step, slo).isEmpty();
    }

    /** Empty when even the first step does not hold. */
    public static Optional<Step> knee(List<Step> steps, Slo slo) {
        Step knee = null;
        for (Step step : steps) {
            if (!holds(step, slo)) {
                break;
            }
            knee = step;
        }
        return Optional.ofNullable(knee);
    }

    /** The first step that does not hold and what it broke ("step 5 at 150/s: consistency p99 4,210 ms ≥ ..."). */
    public static Optional<String> firstBreak(List<Step> steps, Slo slo) {
        return steps.stream().filter(step -> !holds(step, slo)).findFirst()
                .map(step -> step.label() + ": " + String.join("; ", broken(step, slo)));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
