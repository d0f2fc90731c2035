package io.txlab.tools.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every scenario the runner knows, in the order `all` runs them. */
final class Scenarios {

    static final List<Scenario> ALL;

    static {
        List<Scenario> all = new ArrayList<>(ProducerScenarios.all());
        all.addAll(ConsumerScenarios.all());
        all.addAll(InfrastructureScenarios.all());
        all.addAll(FlashSaleScenarios.all());
        all.addAll(BaselineScenarios.all());
        ALL = List.copyOf(all);
    }

    private Scenarios() {
    }

    static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
