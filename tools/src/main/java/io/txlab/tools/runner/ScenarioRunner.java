package io.txlab.tools.runner;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.txlab.contracts.timeline.Steps;
import io.txlab.tools.check.CheckReport;
import io.txlab.tools.check.CheckTarget;
import io.txlab.tools.check.ConsistencyChecker;
import io.txlab.tools.check.InvariantResult;
import tools.jackson.databind.JsonNode;

/**
 * Runs one scenario: disarm everything, let the scenario inject and drive load, wait (bounded) until its
 * own orders are decided and the invariants hold, print the timeline lines that tell its story, and give
 * the verdict ({@link ScenarioVerdict}).
 */
final class ScenarioRunner {

    /** @param failures what the scenario expected and did not see, and the invariants that failed */
    record Result(String name, boolean passed, Duration took, List<String> failures) {
    }

    /** The timeline steps worth showing: the ones where something other than the happy path happened. */
    static final Set<String> TELLING_STEPS = Set.of(Steps.CHECK_BACK, Steps.ROLLED_BACK_BY_CHECK_BACK,
            Steps.LOCAL_TX_ROLLED_BACK, Steps.DELIVERY_FAILED, Steps.PARKED, Steps.DEDUP_HIT, Steps.REJECTED,
            Steps.STOCK_RELEASED, Steps.PAYMENT_REFUNDED, Steps.CANCELLED_BEFORE_APPLY, Steps.NOTHING_TO_UNDO,
            Steps.LATE_APPLY_SKIPPED);
    private static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(60);
    /** A baseline never converges: read a few times, then report. */
    private static final Duration BASELINE_BOUND = Duration.ofSeconds(5);
    /** The services' default sweeper deadline (TXLAB_PENDING_DEADLINE). */
    private static final Duration PENDING_DEADLINE = Duration.ofSeconds(90);

    private final Platform platform;
    private final CheckTarget target;
    private final Consumer<String> out;

    ScenarioRunner(Platform platform, CheckTarget target, Consumer<String> out) {
        this.platform = platform;
        this.target = target;
        this.out = out;
    }

    Result run(Scenario scenario) {
        out.accept("");
        out.accept("== " + scenario.name() + ": " + scenario.description());
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        ScenarioRun run = new ScenarioRun(platform, out);
        Optional<String> thrown = Optional.empty();
        try {
            run.faults().disarmAll();
            scenario.run(run);
        } catch (Exception e) {
            thrown = Optional.of(String.valueOf(e.getMessage()));
            run.say("FAIL: the scenario threw: " + e);
        } finally {
            disarmQuietly(run);
        }
        ScenarioVerdict.Evidence evidence = run.evidence(thrown);
        awaitOwnOrdersDecided(run);
        ScenarioVerdict.Verdict verdict = ScenarioVerdict.decide(evidence, platform.api()::orderStatus,
                () -> check(evidence.baseline(), startedAt));
        verdict.failures().stream().filter(failure -> !run.said(failure)).forEach(failure -> run.say("FAIL: " + failure));
        printTimelines(run);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.accept("RESULT " + scenario.name() + ": " + (verdict.passed() ? "PASS" : "FAIL") + " in " + seconds(took) + " s");
        return new Result(scenario.name(), verdict.passed(), took, verdict.failures());
    }

    /** A scenario must not end with one of its own orders PENDING: give them the convergence bound first. */
    private void awaitOwnOrdersDecided(ScenarioRun run) {
        boolean decided = run.await(CONVERGENCE_BOUND, () -> run.orders().stream()
                .noneMatch(orderId -> ScenarioVerdict.PENDING.equals(platform.api().orderStatus(orderId))));
        if (!decided) {
            run.say("wait: some of the scenario's orders are still PENDING after " + CONVERGENCE_BOUND.toSeconds() + " s");
        }
    }

    /**
     * Prints every line of the checker's report, compactly, and returns the invariants that failed. Orders
     * placed before this scenario are not checked for a lost event: a baseline run leaves one for good.
     */
    private Set<String> check(boolean baseline, Instant startedAt) throws SQLException {
        ConsistencyChecker.Report report = new ConsistencyChecker(target, PENDING_DEADLINE, startedAt)
                .check(Instant.now(), baseline ? BASELINE_BOUND : CONVERGENCE_BOUND);
        CheckReport.lines(report).stream().skip(1)
                .forEach(line -> out.accept("  checker: " + line.trim().replaceAll("\\s{2,}", " ")));
        return report.results().stream().filter(InvariantResult::failed).map(InvariantResult::name)
                .collect(Collectors.toSet());
    }

    private void printTimelines(ScenarioRun run) {
        for (String orderId : run.orders()) {
            List<JsonNode> telling = run.timeline(orderId).stream()
                    .filter(entry -> TELLING_STEPS.contains(entry.path("step").asString())).toList();
            if (!telling.isEmpty()) {
                out.accept("  timeline of " + orderId + " (scripts/timeline.sh shows every step):");
                telling.forEach(entry -> out.accept(String.format("    %-10s %-26s %s%s", entry.path("service").asString(),
                        entry.path("step").asString(), entry.path("detail").asString(),
                        entry.path("instance").isString() ? " (by " + entry.path("instance").asString() + ")" : "")));
            }
        }
    }

    private static void disarmQuietly(ScenarioRun run) {
        try {
            run.outage().endAll();
        } catch (RuntimeException e) {
            run.say("could not end every outage: " + e.getMessage());
        }
        try {
            run.faults().disarmAll();
        } catch (RuntimeException e) {
            run.say("could not disarm every fault: " + e.getMessage());
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
