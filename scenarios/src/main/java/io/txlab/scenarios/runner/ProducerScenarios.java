package io.txlab.scenarios.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;


/** Failures on the producer side: the order service and its half messages. */
final class ProducerScenarios {

    static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED");
    static final Duration CONVERGE = Duration.ofSeconds(60);

    /** The broker's maximum number of checks before it discards a half message (transactionCheckMax). */
    private static final int MAX_CHECKS = 15;
    /** The sweeper's default deadline (90 s) and a few sweeps more. */
    private static final Duration SWEEPER_BOUND = Duration.ofSeconds(120);

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
                        ProducerScenarios::crashAfterLocalCommit),
                new SimpleScenario("checkback-by-other-instance", "two order-service processes in one producer group; "
                        + "the one that sent the half message dies after its commit: the other answers the check-back",
                        ProducerScenarios::checkBackByOtherInstance),
                new SimpleScenario("max-checks-discard", "every check-back answers UNKNOWN until the broker gives up "
                        + "after 15 and discards the half message: the sweeper cancels the order (about 95 s)",
                        ProducerScenarios::maxChecksDiscard));
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

    private static void checkBackByOtherInstance(ScenarioRun run) {
        run.start("order-service-2");
        try {
            String requestId = UUID.randomUUID().toString();
            run.arm("order", "order.after-local-commit", "crash", 1);
            placeThroughACrash(run, requestId, 39);
            run.restartAfterCrash("order");
            String orderId = run.placeOrder(requestId, 39, 4, 1);
            run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
            run.expect(run.timeline(orderId).stream().anyMatch(entry -> entry.path("step").asString().equals("CHECK_BACK")
                            && entry.path("detail").asString().contains("answered COMMIT")
                            && entry.path("instance").asString().startsWith("order-service-2@")),
                    "the check-back was answered COMMIT by the other instance, order-service-2");
        } finally {
            run.kill("order-service-2");
        }
    }

    private static void maxChecksDiscard(ScenarioRun run) {
        run.arm("order", "order.after-local-commit", "unknown", 1);
        run.arm("order", "order.check-back", "unknown", 1_000);
        String orderId = run.placeOrder(38, 4, 1);
        int checks = awaitStableCheckBacks(run, orderId);
        run.disarm("order", "order.check-back");
        run.expect(checks >= MAX_CHECKS, checks + " check-backs, all answered UNKNOWN, then no more: discarded");
        run.expect(run.awaitStatus(orderId, FINAL, SWEEPER_BOUND).equals("CANCELLED"), "the sweeper cancelled the order");
        run.expect("PENDING_TIMEOUT".equals(run.api().order(orderId).text("reason")), "its reason is PENDING_TIMEOUT");
        run.expect(run.awaitStep(orderId, "CANCELLED_BEFORE_APPLY", ""),
                "the participants got the cancel, never the order: nothing to undo");
    }

    /** Waits until the order's check-backs stop coming (none for 6 s, three broker scans): the count then. */
    private static int awaitStableCheckBacks(ScenarioRun run, String orderId) {
        int[] count = {0};
        long[] lastChange = {System.nanoTime()};
        run.await(Duration.ofSeconds(90), () -> {
            int now = run.api().checkBacks(orderId).size();
            if (now != count[0]) {
                count[0] = now;
                lastChange[0] = System.nanoTime();
            }
            return count[0] > 0 && System.nanoTime() - lastChange[0] > Duration.ofSeconds(6).toNanos();
        });
        run.say("wait: " + count[0] + " check-backs for order " + orderId);
        return count[0];
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
        AtomicReference<String> orderId = new AtomicReference<>();
        run.await(CONVERGE, () -> {
            run.api().recentCheckBacks("since=" + since + "&answer=ROLLBACK").body()
                    .forEach(checkBack -> orderId.set(checkBack.path("orderId").asString()));
            return orderId.get() != null;
        });
        return orderId.get();
    }
}
