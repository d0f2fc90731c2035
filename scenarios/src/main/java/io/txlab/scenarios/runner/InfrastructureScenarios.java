package io.txlab.scenarios.runner;

import static io.txlab.scenarios.runner.ProducerScenarios.FINAL;

import java.time.Duration;
import java.util.List;

/** Outages of the infrastructure under the services. */
final class InfrastructureScenarios {

    /** Without Redis every lock waits out Redisson's timeouts before going on without it: slow, not stuck. */
    private static final Duration WITHOUT_LOCKS = Duration.ofSeconds(120);

    private InfrastructureScenarios() {
    }

    static List<Scenario> all() {
        return List.of(new SimpleScenario("redis-outage", "Redis freezes while orders flow: each lock is given up "
                + "after its timeout, the database's unique keys keep every effect single; then Redis returns",
                InfrastructureScenarios::redisOutage));
    }

    private static void redisOutage(ScenarioRun run) {
        run.pause("redis");
        try {
            String during = run.placeOrder(41, 4, 1);
            run.expect(run.awaitStatus(during, FINAL, WITHOUT_LOCKS).equals("CONFIRMED"),
                    "an order placed while Redis answers nothing is CONFIRMED, its locks skipped");
        } finally {
            run.resume("redis");
        }
        String after = run.placeOrder(42, 4, 1);
        run.expect(run.awaitStatus(after, FINAL, ProducerScenarios.CONVERGE).equals("CONFIRMED"),
                "after the outage an order is CONFIRMED again");
    }
}
