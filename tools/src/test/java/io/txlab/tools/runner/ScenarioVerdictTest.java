package io.txlab.tools.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.txlab.tools.runner.Expectation.Kind;
import io.txlab.tools.runner.ScenarioVerdict.Checker;
import io.txlab.tools.runner.ScenarioVerdict.Evidence;
import io.txlab.tools.runner.ScenarioVerdict.OrderStatuses;
import io.txlab.tools.runner.ScenarioVerdict.Verdict;
import org.junit.jupiter.api.Test;

class ScenarioVerdictTest {

    private static final Expectation CONFIRMED = new Expectation(Kind.OUTCOME, "the order is CONFIRMED", true);
    private static final Expectation HALTED = new Expectation(Kind.FAULT_OBSERVED, "order-service exited with 137", true);
    private static final OrderStatuses ALL_CONFIRMED = orderId -> "CONFIRMED";
    private static final Checker ALL_HOLD = Set::of;

    @Test
    void aScenarioWhoseExpectationsHeldWhoseFaultWasSeenAndWhoseOrdersAreDecidedPasses() {
        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(HALTED, CONFIRMED), Set.of("o1", "o2")),
                ALL_CONFIRMED, ALL_HOLD);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.failures()).isEmpty();
    }

    @Test
    void aFailedExpectationFails() {
        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(HALTED,
                new Expectation(Kind.OUTCOME, "the stock moved once", false)), Set.of()), ALL_CONFIRMED, ALL_HOLD);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("the stock moved once");
    }

    @Test
    void aFaultNotObservedFailsAndSaysSo() {
        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(
                new Expectation(Kind.FAULT_OBSERVED, "Redis is frozen", false), CONFIRMED), Set.of()),
                ALL_CONFIRMED, ALL_HOLD);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("fault not observed: Redis is frozen");
    }

    @Test
    void anOwnOrderStillPendingFailsEvenWhenEverythingElseHeld() {
        Map<String, String> statuses = Map.of("o1", "CONFIRMED", "o2", "PENDING", "o3", "CANCELLED");

        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(HALTED, CONFIRMED), Set.of("o1", "o2", "o3")),
                statuses::get, ALL_HOLD);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("order o2 still PENDING at the scenario's end");
    }

    @Test
    void anOrderWithNoRowIsNotPending() {
        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(CONFIRMED), Set.of("never-written")),
                orderId -> null, ALL_HOLD);

        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void aViolatedInvariantFails() {
        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(CONFIRMED), Set.of()), ALL_CONFIRMED,
                () -> Set.of("stock-conserved"));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("invariants violated: [stock-conserved]");
    }

    @Test
    void aCheckerThatCannotRunFails() {
        Verdict verdict = ScenarioVerdict.decide(evidence(List.of(CONFIRMED), Set.of()), ALL_CONFIRMED, () -> {
            throw new SQLException("Connection refused");
        });

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("the checker could not run (Connection refused)");
    }

    @Test
    void aBaselinePassesWithExactlyTheViolationItExpects() {
        Evidence baseline = new Evidence(List.of(HALTED), Set.of(), Set.of("every-order-published"), Optional.empty());

        assertThat(ScenarioVerdict.decide(baseline, ALL_CONFIRMED, () -> Set.of("every-order-published")).passed())
                .isTrue();
    }

    @Test
    void aBaselineFailsWithAnotherViolationOrWithNone() {
        Evidence baseline = new Evidence(List.of(HALTED), Set.of(), Set.of("every-order-published"), Optional.empty());

        Verdict extra = ScenarioVerdict.decide(baseline, ALL_CONFIRMED,
                () -> Set.of("every-order-published", "stock-conserved"));
        Verdict none = ScenarioVerdict.decide(baseline, ALL_CONFIRMED, ALL_HOLD);

        assertThat(extra.passed()).isFalse();
        assertThat(extra.failures()).containsExactly("the checker should report exactly [every-order-published] "
                + "violated, it reported [every-order-published, stock-conserved]");
        assertThat(none.passed()).isFalse();
    }

    @Test
    void aScenarioThatThrewFails() {
        Evidence threw = new Evidence(List.of(CONFIRMED), Set.of(), Set.of(), Optional.of("order not placed: HTTP 503"));

        Verdict verdict = ScenarioVerdict.decide(threw, ALL_CONFIRMED, ALL_HOLD);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("the scenario did not run to its end (order not placed: HTTP 503)");
    }

    @Test
    void everyFailureIsListedInTheOrderFound() {
        Evidence bad = new Evidence(List.of(new Expectation(Kind.FAULT_OBSERVED, "halted", false),
                new Expectation(Kind.OUTCOME, "CONFIRMED", false)), Set.of("o1"), Set.of(), Optional.of("boom"));

        Verdict verdict = ScenarioVerdict.decide(bad, orderId -> "PENDING", () -> Set.of("stock-conserved"));

        assertThat(verdict.failures()).containsExactly("fault not observed: halted", "CONFIRMED",
                "the scenario did not run to its end (boom)", "order o1 still PENDING at the scenario's end",
                "invariants violated: [stock-conserved]");
    }

    private static Evidence evidence(List<Expectation> expectations, Set<String> orders) {
        return new Evidence(expectations, orders, Set.of(), Optional.empty());
    }
}
