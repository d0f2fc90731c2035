package io.txlab.tools.runner;

import static io.txlab.contracts.fault.FaultPoint.BETWEEN_COMMIT_AND_SEND;

import java.util.List;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;

/** What the platform prevents, shown by doing it the unsafe way: the checker must catch the damage. */
final class BaselineScenarios {

    private BaselineScenarios() {
    }

    static List<Scenario> all() {
        return List.of(new SimpleScenario("dual-write-baseline", "THE ANTI-PATTERN: commit the order, then send a "
                + "plain message; the order service dies between the two: the checker must report the lost event",
                BaselineScenarios::dualWrite));
    }

    private static void dualWrite(ScenarioRun run) {
        run.faults().arm("order", BETWEEN_COMMIT_AND_SEND, FaultAction.crash());
        try {
            run.api().placeOrderWithDualWrite(UUID.randomUUID().toString(), 40, 4, 1);
            run.say("load: the unsafe request was answered (the fault did not halt the service)");
        } catch (IllegalStateException e) {
            run.say("load: POST /api/unsafe/dual-write/orders -> no answer: the order service died after its commit, "
                    + "before its send");
        }
        run.restartAfterCrash("order", BETWEEN_COMMIT_AND_SEND);
        run.say("nothing will ever deliver that order's event: no half message, so no check-back either");
        run.expectViolation("every-order-published");
    }
}
