package io.txlab.tools.runner;

import static io.txlab.contracts.fault.FaultPoint.AFTER_LOCAL_COMMIT;
import static io.txlab.contracts.fault.FaultPoint.BEFORE_LOCAL_TX;
import static io.txlab.contracts.fault.FaultPoint.CHECK_BACK;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.timeline.Steps;
import tools.jackson.databind.JsonNode;

/** Failures on the producer side: the order service and its half messages. */
final class ProducerScenarios {

    static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED");
    static final Duration CONVERGE = Duration.ofSeconds(60);

    /**
     * The broker's maximum number of checks before it discards a half message: the devstack's
     * transactionCheckMax (BrokerTransactionSettings.TRANSACTION_CHECK_MAX, which ScenarioMainTest holds this to).
     */
    static final int MAX_CHECKS = 15;
    /** 15 checks 2 s apart, and room for a slow first scan. */
    private static final Duration CHECKS_STOP = Duration.ofSeconds(90);
    /** transactionTimeOut (6 s) and the broker's check interval, with room: the first check-back comes within it. */
    private static final Duration CHECK_BACK_BOUND = Duration.ofSeconds(60);
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
        run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        String orderId = run.placeOrder(31, 4, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.observed(run.timelineHas(orderId, Steps.CHECK_BACK, "for OrderCreated answered COMMIT"),
                "a check-back for OrderCreated answered COMMIT");
    }

    private static void crashBeforeLocalTx(ScenarioRun run) {
        String requestId = UUID.randomUUID().toString();
        run.faults().arm("order", BEFORE_LOCAL_TX, FaultAction.crash());
        placeThroughACrash(run, requestId, 32);
        Crash crash = run.restartAfterCrash("order", BEFORE_LOCAL_TX);
        run.observed(crash.txId() != null && crash.orderId() != null, "the halt's log line names the crashed "
                + "request's half message: tx " + crash.txId() + ", order " + crash.orderId());
        if (crash.txId() != null && crash.orderId() != null) {
            run.follow(crash.orderId());
            List<JsonNode> checkBacks = awaitCheckBackAnswered(run, crash, "ROLLBACK");
            run.expect(checkBacks.stream().anyMatch(checkBack -> checkBack.path("answer").asString().equals("ROLLBACK")),
                    "the check-back of that half message (tx " + crash.txId() + ") answered ROLLBACK: "
                            + describe(checkBacks));
            run.expect(run.api().order(crash.orderId()).status() == 404, "no order row exists for it");
        }
        String retried = run.placeOrder(requestId, 32, 4, 1);
        run.expect(run.awaitStatus(retried, FINAL, CONVERGE).equals("CONFIRMED"),
                "the client's retry with the same requestId places the order, CONFIRMED");
    }

    private static void crashAfterLocalCommit(ScenarioRun run) {
        String requestId = UUID.randomUUID().toString();
        run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.crash());
        placeThroughACrash(run, requestId, 33);
        Crash crash = run.restartAfterCrash("order", AFTER_LOCAL_COMMIT);
        String orderId = run.placeOrder(requestId, 33, 4, 1);
        run.expect(orderId.equals(crash.orderId()), "the retry with the same requestId returned the order the halted "
                + "request committed (" + crash.orderId() + ")");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.timelineHas(orderId, Steps.CHECK_BACK, "for OrderCreated answered COMMIT"),
                "the restarted instance's check-back answered COMMIT");
    }

    /**
     * The halted instance stays down until the broker has checked back, so that only order-service-2 can
     * answer (a restarted instance registers with the broker too, and the broker may ask either).
     */
    private static void checkBackByOtherInstance(ScenarioRun run) {
        run.start("order-service-2");
        try {
            String requestId = UUID.randomUUID().toString();
            run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.crash());
            placeThroughACrash(run, requestId, 39);
            Crash crash = run.awaitCrash("order", AFTER_LOCAL_COMMIT);
            String orderId = crash.orderId();
            run.expect(orderId != null, "the halt's log line names the order the halted request committed: " + orderId);
            run.expect(orderId != null && run.await(CHECK_BACK_BOUND, () -> answeredBySecondInstance(run, orderId)),
                    "the check-back was answered COMMIT by the other instance, order-service-2, while the first was down");
            run.restart("order");
            String retried = run.placeOrder(requestId, 39, 4, 1);
            run.expect(retried.equals(orderId), "the retry returned the order the halted request committed");
            run.expect(run.awaitStatus(retried, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        } finally {
            run.kill("order-service-2");
        }
    }

    private static boolean answeredBySecondInstance(ScenarioRun run, String orderId) {
        return new CheckBackRecords(run.secondApi()).committed(orderId,
                checkBack -> CheckBackRecords.answeredBy(checkBack, "order-service-2@"));
    }

    private static void maxChecksDiscard(ScenarioRun run) {
        run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        run.faults().arm("order", CHECK_BACK, FaultAction.unknown(1_000));
        String orderId = run.placeOrder(38, 4, 1);
        boolean settled = awaitCheckBacksStop(run, orderId);
        run.faults().disarm("order", CHECK_BACK);
        List<JsonNode> checkBacks = checkBacks(run, orderId);
        run.expect(settled, "the check-backs stopped coming within " + CHECKS_STOP.toSeconds() + " s");
        run.observed(!checkBacks.isEmpty() && checkBacks.stream()
                        .allMatch(checkBack -> checkBack.path("answer").asString().equals("UNKNOWN")),
                checkBacks.size() + " check-backs, every one answered UNKNOWN: " + describe(checkBacks));
        int lastAttempt = checkBacks.stream().mapToInt(checkBack -> checkBack.path("attempt").asInt()).max().orElse(0);
        run.expect(lastAttempt == MAX_CHECKS, "the broker checked back up to its maximum, attempt " + lastAttempt
                + " of transactionCheckMax " + MAX_CHECKS + ", then no more: discarded");
        run.expect(run.awaitStatus(orderId, FINAL, SWEEPER_BOUND).equals("CANCELLED"), "the sweeper cancelled the order");
        run.expect("PENDING_TIMEOUT".equals(run.api().order(orderId).text("reason")), "its reason is PENDING_TIMEOUT");
        run.expect(run.awaitStep(orderId, Steps.CANCELLED_BEFORE_APPLY, ""),
                "the participants got the cancel, never the order: nothing to undo");
    }

    /** Waits until the order's check-backs stop coming (none for 6 s, three broker scans); false if they did not. */
    private static boolean awaitCheckBacksStop(ScenarioRun run, String orderId) {
        int[] count = {0};
        long[] lastChange = {System.nanoTime()};
        boolean settled = run.await(CHECKS_STOP, () -> {
            int now = run.api().checkBacks(orderId).size();
            if (now != count[0]) {
                count[0] = now;
                lastChange[0] = System.nanoTime();
            }
            return count[0] > 0 && System.nanoTime() - lastChange[0] > Duration.ofSeconds(6).toNanos();
        });
        run.say("wait: " + count[0] + " check-backs for order " + orderId);
        return settled;
    }

    private static List<JsonNode> checkBacks(ScenarioRun run, String orderId) {
        List<JsonNode> checkBacks = new ArrayList<>();
        run.api().checkBacks(orderId).forEach(checkBacks::add);
        return checkBacks;
    }

    /** "attempts 1-14 UNKNOWN, 15 ROLLBACK": the check-backs' attempt numbers, a run per answer. */
    static String describe(List<JsonNode> checkBacks) {
        if (checkBacks.isEmpty()) {
            return "none";
        }
        List<String> runs = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= checkBacks.size(); i++) {
            if (i == checkBacks.size() || !answer(checkBacks.get(i)).equals(answer(checkBacks.get(first)))) {
                int from = checkBacks.get(first).path("attempt").asInt();
                int to = checkBacks.get(i - 1).path("attempt").asInt();
                runs.add((from == to ? Integer.toString(from) : from + "-" + to) + " " + answer(checkBacks.get(first)));
                first = i;
            }
        }
        return (checkBacks.size() == 1 ? "attempt " : "attempts ") + String.join(", ", runs);
    }

    private static String answer(JsonNode checkBack) {
        return checkBack.path("answer").asString();
    }

    private static void placeThroughACrash(ScenarioRun run, String requestId, long userId) {
        try {
            run.api().placeOrder(requestId, userId, 4, 1);
            run.say("load: the request was answered (the fault did not halt the service)");
        } catch (IllegalStateException e) {
            run.say("load: user " + userId + " buys 1 x product 4 -> no answer: the order service died mid-request");
        }
    }

    /**
     * The broker checks back every 2 s (devstack), up to 15 times: well inside a minute after the restart.
     *
     * @return the check-backs of the crashed request's transaction once one gave {@code answer}; all of them
     *         so far if none did within the bound
     */
    private static List<JsonNode> awaitCheckBackAnswered(ScenarioRun run, Crash crash, String answer) {
        AtomicReference<List<JsonNode>> ofTx = new AtomicReference<>(List.of());
        run.await(CONVERGE, () -> {
            ofTx.set(checkBacks(run, crash.orderId()).stream()
                    .filter(checkBack -> checkBack.path("txId").asString().equals(crash.txId())).toList());
            return ofTx.get().stream().anyMatch(checkBack -> checkBack.path("answer").asString().equals(answer));
        });
        return ofTx.get();
    }
}
