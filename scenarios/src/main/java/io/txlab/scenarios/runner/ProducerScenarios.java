package io.txlab.scenarios.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

/** Failures on the producer side: the order service and its half messages. */
final class ProducerScenarios {

    static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED");
    static final Duration CONVERGE = Duration.ofSeconds(60);

    private ProducerScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new SimpleScenario("happy-path", "10 orders, no fault: each CONFIRMED, stock and money moved once",
                        ProducerScenarios::happyPath),
                new SimpleScenario("unknown-then-checkback", "the producer answers UNKNOWN after its local commit: "
                        + "the broker checks back, the tx_log says COMMIT", ProducerScenarios::unknownThenCheckBack),
                new SimpleScenario("crash-before-local-tx", "the order service dies after the half message, before "
                        + "its local transaction: the check-back answers ROLLBACK", ProducerScenarios::crashBeforeLocalTx),
                new SimpleScenario("crash-after-local-commit", "the order service dies after its local commit, before "
                        + "the end-transaction: the restarted instance's check-back answers COMMIT",
                        ProducerScenarios::crashAfterLocalCommit));
    }

    private static void happyPath(ScenarioRun run) {
        List<String> orders = IntStream.range(0, 10)
                .mapToObj(i -> run.placeOrder(21 + i, 1 + i % 4, 1)).toList();
        for (String orderId : orders) {
            run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), orderId + " CONFIRMED");
        }
    }

    private static void unknownThenCheckBack(ScenarioRun run) {
        run.arm("order", "order.after-local-commit", "unknown", 1);
        String orderId = run.placeOrder(31, 4, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.timelineHas(orderId, "CHECK_BACK", "for OrderCreated answered COMMIT"),
                "a check-back for OrderCreated answered COMMIT");
    }

    private static void crashBeforeLocalTx(ScenarioRun run) {
        Instant before = Instant.now();
        String requestId = UUID.randomUUID().toString();
        run.arm("order", "order.before-local-tx", "crash", 1);
        placeThroughACrash(run, requestId, 32);
        run.restartAfterCrash("order");
        String rolledBack = awaitRollbackSince(run, before);
        run.expect(rolledBack != null, "a check-back answered ROLLBACK for the half message of the crashed request");
        if (rolledBack != null) {
            run.follow(rolledBack);
            run.expect(run.api().order(rolledBack).status() == 404, "no order row exists for it");
        }
        String retried = run.placeOrder(requestId, 32, 4, 1);
        run.expect(run.awaitStatus(retried, FINAL, CONVERGE).equals("CONFIRMED"),
                "the client's retry with the same requestId places the order, CONFIRMED");
    }

    private static void crashAfterLocalCommit(ScenarioRun run) {
        String requestId = UUID.randomUUID().toString();
        run.arm("order", "order.after-local-commit", "crash", 1);
        placeThroughACrash(run, requestId, 33);
        run.restartAfterCrash("order");
        String orderId = run.placeOrder(requestId, 33, 4, 1);
        run.say("the retry with the same requestId returned the order committed before the crash");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.timelineHas(orderId, "CHECK_BACK", "for OrderCreated answered COMMIT"),
                "the restarted instance's check-back answered COMMIT");
    }

    private static void placeThroughACrash(ScenarioRun run, String requestId, long userId) {
        try {
            run.api().placeOrder(requestId, userId, 4, 1);
            run.say("load: the request was answered (the fault did not halt the service)");
        } catch (IllegalStateException e) {
            run.say("load: user " + userId + " buys 1 x product 4 -> no answer: the order service died mid-request");
        }
    }

    /** The broker checks back every 2 s (devstack), up to 15 times: well inside a minute after the restart. */
    private static String awaitRollbackSince(ScenarioRun run, Instant since) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < CONVERGE.toNanos()) {
            for (JsonNode checkBack : run.api().recentCheckBacks("since=" + since + "&answer=ROLLBACK").body()) {
                return checkBack.path("orderId").asString();
            }
            ScenarioRun.pause();
        }
        return null;
    }
}
