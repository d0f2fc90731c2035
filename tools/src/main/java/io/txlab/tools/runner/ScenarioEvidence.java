package io.txlab.tools.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** What a scenario expected and saw, the orders it follows and the violations a baseline expects; each said. */
final class ScenarioEvidence {

    private final Consumer<String> say;
    private final List<Expectation> expectations = new ArrayList<>();
    private final Set<String> orders = new LinkedHashSet<>();
    private final Set<String> expectedViolations = new LinkedHashSet<>();

    ScenarioEvidence(Consumer<String> say) {
        this.say = say;
    }

    void follow(String orderId) {
        orders.add(orderId);
    }

    void expectViolation(String invariant) {
        expectedViolations.add(invariant);
    }

    void record(Expectation expectation) {
        expectations.add(expectation);
        say.accept(expectation.held() ? (expectation.kind() == Expectation.Kind.FAULT_OBSERVED ? "seen: " : "ok:   ")
                + expectation.what() : "FAIL: " + expectation.failure());
    }

    /** True when a failed expectation was already said as this failure. */
    boolean said(String failure) {
        return expectations.stream().anyMatch(expectation -> !expectation.held() && expectation.failure().equals(failure));
    }

    Set<String> orders() {
        return orders;
    }

    ScenarioVerdict.Evidence evidence(Optional<String> thrown) {
        return new ScenarioVerdict.Evidence(List.copyOf(expectations),
                Collections.unmodifiableSet(new LinkedHashSet<>(orders)), Set.copyOf(expectedViolations), thrown);
    }
}
