package io.txlab.tools.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every scenario the runner knows: `all` runs those on one broker in this order, `cluster` the cluster set. */
final class Scenarios {

    static final List<Scenario> ALL;

    static {
        List<Scenario> all = new ArrayList<>(ProducerScenarios.all());
        all.addAll(ConsumerScenarios.all());
        all.addAll(InfrastructureScenarios.all());
        all.addAll(FlashSaleScenarios.all());
        all.addAll(BaselineScenarios.all());
        all.addAll(ClusterScenarios.all());
        ALL = List.copyOf(all);
    }

    private Scenarios() {
    }

    static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }

    /** "all" (every scenario on one broker), "cluster" (the two-broker set), or one scenario's name. */
    static List<Scenario> chosen(String argument) {
        return switch (argument) {
            case "all" -> ALL.stream().filter(scenario -> !scenario.needsTwoBrokers()).toList();
            case "cluster" -> ALL.stream().filter(Scenario::needsTwoBrokers).toList();
            default -> named(argument).map(List::of).orElse(List.of());
        };
    }
}
