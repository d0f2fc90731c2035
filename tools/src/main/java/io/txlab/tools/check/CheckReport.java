package io.txlab.tools.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checker's report as text lines: one per invariant, PASS / FAIL / SKIP, counts and first offenders; a SKIP
 * (nothing to check) says why and proves nothing.
 */
public final class CheckReport {

    private CheckReport() {
    }

    public static List<String> lines(ConsistencyChecker.Report report) {
        List<String> lines = new ArrayList<>();
        lines.add("TxLab consistency check on " + report.target());
        lines.add("  orders: " + (report.confirmed() + report.cancelled() + report.pending()) + " (CONFIRMED "
                + report.confirmed() + ", CANCELLED " + report.cancelled() + ", PENDING " + report.pending() + ")");
        lines.add("  convergence: " + after("no order PENDING", report.noPendingAfter()) + "; "
                + after("every invariant held", report.consistentAfter()));
        lines.add("  snapshot: " + report.snapshotReads() + " reads, " + (report.snapshotsAgreed()
                ? "the last two agreed" : "no two consecutive agreed (the platform was still changing): judged the last"));
        for (InvariantResult result : report.results()) {
            lines.add(String.format("  %-4s  %-30s %s", result.status(), result.name(), counts(result)));
        }
        long failed = report.results().stream().filter(InvariantResult::failed).count();
        long skipped = report.results().stream().filter(result -> result.status() == InvariantResult.Status.SKIP).count();
        lines.add(failed == 0 ? "RESULT: PASS (" + (report.results().size() - skipped) + " invariants held"
                + (skipped == 0 ? "" : ", " + skipped + " skipped: nothing to check") + ")"
                : "RESULT: FAIL (" + failed + " of " + report.results().size() + " invariants violated)");
        return lines;
    }

    private static String counts(InvariantResult result) {
        return switch (result.status()) {
            case PASS -> result.checked() + " checked";
            case SKIP -> "skipped: " + String.join("; ", result.offenders());
            case FAIL -> result.checked() + " checked, " + result.violations() + " violation"
                    + (result.violations() == 1 ? "" : "s") + ": " + String.join(", ", result.offenders())
                    + (result.violations() > result.offenders().size() ? ", ..." : "");
        };
    }

    private static String after(String what, Optional<Duration> after) {
        return after.map(duration -> what + " after " + duration.toMillis() + " ms").orElse(what + ": not reached");
    }
}
