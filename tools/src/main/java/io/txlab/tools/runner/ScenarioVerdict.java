package io.txlab.tools.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdict on one scenario, from what it recorded, the final status of the orders it followed and the
 * checker: PASS only if every expectation held, every fault was observed, none of its orders is still
 * PENDING, the scenario ran to its end and the checker passed (a baseline: reported exactly the violations
 * it expects). Pure but for the two lookups it is given.
 */
final class ScenarioVerdict {

    static final String PENDING = "PENDING";

    /** What the scenario left behind: its expectations, its orders, and the exception it threw, if any. */
    record Evidence(List<Expectation> expectations, Set<String> orders, Set<String> expectedViolations,
                    Optional<String> thrown) {

        boolean baseline() {
            return !expectedViolations.isEmpty();
        }
    }

    @FunctionalInterface
    interface OrderStatuses {
        String statusOf(String orderId);
    }

    /** Runs the consistency check; @return the names of the invariants that failed */
    @FunctionalInterface
    interface Checker {
        Set<String> failedInvariants() throws Exception;
    }

    /** @param failures why it failed, in the order the verdict found them; empty when it passed */
    record Verdict(List<String> failures) {

        boolean passed() {
            return failures.isEmpty();
        }
    }

    private ScenarioVerdict() {
    }

    static Verdict decide(Evidence evidence, OrderStatuses statuses, Checker checker) {
        List<String> failures = new ArrayList<>();
        evidence.expectations().stream().filter(expectation -> !expectation.held())
                .map(Expectation::failure).forEach(failures::add);
        evidence.thrown().ifPresent(message -> failures.add("the scenario did not run to its end (" + message + ")"));
        evidence.orders().stream().filter(orderId -> PENDING.equals(statuses.statusOf(orderId)))
                .map(orderId -> "order " + orderId + " still PENDING at the scenario's end").forEach(failures::add);
        checkerFailure(evidence, checker).ifPresent(failures::add);
        return new Verdict(List.copyOf(failures));
    }

    private static Optional<String> checkerFailure(Evidence evidence, Checker checker) {
        Set<String> failed;
        try {
            failed = new TreeSet<>(checker.failedInvariants());
        } catch (Exception e) {
            return Optional.of("the checker could not run (" + e.getMessage() + ")");
        }
        if (evidence.baseline()) {
            Set<String> expected = new TreeSet<>(evidence.expectedViolations());
            return failed.equals(expected) ? Optional.empty()
                    : Optional.of("the checker should report exactly " + expected + " violated, it reported " + failed);
        }
        return failed.isEmpty() ? Optional.empty() : Optional.of("invariants violated: " + failed);
    }
}
