package io.txlab.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of the steps (segments) of a run, with the consistency of the orders due in each, and for step-up
 * the consistency knee and the first step that broke the rule. Formats only.
 */
final class StepsReport {

    private StepsReport() {
    }

    static List<String> lines(BenchResult result) {
        boolean stepUp = result.settings().profile() == Profile.STEP_UP;
        Steps.Slo slo = Steps.Slo.of(result.settings());
        List<String> lines = new ArrayList<>();
        lines.add("| step | offered /s | achieved /s | HTTP p99 ms | CONFIRMED /s | confirmed / cancelled / pending"
                + " | consistency p50 / p99 ms | errors |" + (stepUp ? " holds |" : ""));
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (stepUp ? " --- |" : ""));
        for (Steps.Step step : result.steps()) {
            lines.add(format("| %s | %.1f | %.1f | %.1f | %s | %s | %s | %d |", step.label(), step.offeredRate(),
                    step.achievedRate(), step.p99Ms(), confirmedRate(step), counts(step.consistency()),
                    timeToConsistency(step.consistency()), step.errors())
                    + (stepUp ? (Steps.holds(step, slo) ? " yes |" : " no |") : ""));
        }
        if (stepUp) {
            lines.add("");
            lines.add(format("A step holds when achieved ≥ 95 %% of offered, HTTP p99 < %d ms, ≥ 95 %% of the orders"
                    + " due in it reached CONFIRMED or CANCELLED, and their time to consistency p99 < %d ms.",
                    slo.httpP99Millis(), slo.consistencyP99Millis()));
            lines.add(knee(result));
        }
        return lines;
    }

    private static String knee(BenchResult result) {
        Steps.Step knee = result.knee();
        if (knee == null) {
            return "Consistency knee: none, even the first step did not hold"
                    + (result.kneeEndedBy() == null ? "" : " (" + result.kneeEndedBy() + ")");
        }
        return format("Consistency knee: %s (achieved %.1f /s, CONFIRMED %.1f /s, HTTP p99 %.1f ms, consistency p99"
                        + " %.1f ms), the last step of the unbroken run of holding steps from the first; ",
                knee.label(), knee.achievedRate(), knee.confirmedRate(), knee.p99Ms(),
                knee.consistency().timeToConsistency().p99Ms())
                + (result.kneeEndedBy() == null ? "every step held (raise --max-rate to find where it ends)"
                : "it ended at " + result.kneeEndedBy());
    }

    private static String confirmedRate(Steps.Step step) {
        return step.consistency() == null ? "-" : format("%.1f", step.confirmedRate());
    }

    private static String counts(ConsistencyReader.Consistency c) {
        return c == null ? "-" : format("%d / %d / %d", c.confirmed(), c.cancelled(), c.pending());
    }

    private static String timeToConsistency(ConsistencyReader.Consistency c) {
        return c == null || c.timeToConsistency().count() == 0 ? "-"
                : format("%.1f / %.1f", c.timeToConsistency().p50Ms(), c.timeToConsistency().p99Ms());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
