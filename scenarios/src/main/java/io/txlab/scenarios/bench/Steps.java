package io.txlab.scenarios.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures of each segment of a run (for step-up, each step) and the knee: the highest step the platform
 * still keeps up with. A step holds when its achieved order rate is at least 95 % of the offered one and its p99
 * HTTP latency is under the SLO. The knee is the last step of the unbroken run of holding steps from the first:
 * a step that holds after one that did not is a backlog draining, not headroom.
 */
public final class Steps {

    /** Rates in orders/s; achieved counts the 202s completed within the step's seconds. */
    public record Step(String label, double offeredRate, double achievedRate, double p99Ms, long errors) {
    }

    static final double KEEPS_UP = 0.95;

    private Steps() {
    }

    static List<Step> of(Schedule schedule, Recording recording) {
        List<Step> steps = new ArrayList<>();
        int from = 0;
        for (Schedule.Segment segment : schedule.segments()) {
            Recording.Window window = recording.window(from, from + segment.seconds());
            steps.add(new Step(segment.label(), (double) window.offeredOrders() / segment.seconds(),
                    (double) window.acceptedOrders() / segment.seconds(), window.orderLatency().p99Ms(),
                    window.errors()));
            from += segment.seconds();
        }
        return steps;
    }

    public static boolean holds(Step step, int sloMillis) {
        return step.offeredRate() > 0 && step.achievedRate() >= KEEPS_UP * step.offeredRate()
                && step.p99Ms() < sloMillis;
    }

    /** Empty when even the first step does not hold. */
    public static Optional<Step> knee(List<Step> steps, int sloMillis) {
        Step knee = null;
        for (Step step : steps) {
            if (!holds(step, sloMillis)) {
                break;
            }
            knee = step;
        }
        return Optional.ofNullable(knee);
    }
}
