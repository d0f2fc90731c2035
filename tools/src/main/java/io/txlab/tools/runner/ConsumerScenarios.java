package io.txlab.tools.runner;

import static io.txlab.contracts.fault.FaultPoint.AFTER_DB_COMMIT;
import static io.txlab.contracts.fault.FaultPoint.BEFORE_APPLY;
import static io.txlab.contracts.fault.FaultPoint.BEFORE_REPLY;
import static io.txlab.contracts.fault.FaultPoint.CONSUME;
import static io.txlab.tools.runner.ProducerScenarios.CONVERGE;
import static io.txlab.tools.runner.ProducerScenarios.FINAL;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.timeline.Steps;

/** Failures on the consumer side, and the compensations a refusal sets off. */
final class ConsumerScenarios {

    private static final String PAYMENT_GROUP = ConsumerGroups.PAYMENT;
    /** Five redeliveries of the devstack's backoff (~30 s), and room for a slower machine. */
    private static final Duration TO_DLQ = Duration.ofSeconds(80);
    /** The sweeper's default deadline (90 s), two of its sweeps (5 s apart), and room. */
    private static final Duration TWO_SWEEPS_PAST_DEADLINE = Duration.ofSeconds(130);
    private static final String LEFT_WAITING = "left waiting in a backlog";

    private ConsumerScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new SimpleScenario("consumer-throws", "inventory's consumer throws twice: the broker redelivers with "
                        + "backoff, the stock moves once", ConsumerScenarios::consumerThrows),
                new SimpleScenario("duplicate-delivery", "inventory commits, then fails before the ack: the broker "
                        + "delivers the message again, the dedup row absorbs it", ConsumerScenarios::duplicateDelivery),
                new SimpleScenario("consumer-crash-before-ack", "inventory dies after its DB commit, before the ack: "
                        + "after a restart the redelivery is a dedup hit", ConsumerScenarios::crashBeforeAck),
                new SimpleScenario("participant-crash-before-reply", "inventory dies after its DB commit, before it "
                        + "sends its reply: the redelivery finds the dedup row and replies again from the stored outcome; "
                        + "the order is CONFIRMED once", ConsumerScenarios::crashBeforeReply),
                new SimpleScenario("insufficient-stock", "inventory refuses: the order is CANCELLED and payment "
                        + "refunds the charge", ConsumerScenarios::insufficientStock),
                new SimpleScenario("insufficient-balance", "payment refuses: the order is CANCELLED and inventory "
                        + "releases the stock", ConsumerScenarios::insufficientBalance),
                new SimpleScenario("dlq-and-replay", "payment's consumer fails on every delivery until the broker "
                        + "gives up and moves the message to its DLQ; with the fault gone the runner replays the dead "
                        + "letter to payment only, and the order is CONFIRMED", ConsumerScenarios::dlqAndReplay),
                new SimpleScenario("backlog-past-deadline", "inventory is down for longer than the sweeper's "
                        + "deadline while an order waits for it: OrderCreated is still queued for inventory, so the "
                        + "sweeper leaves the order; once inventory is back the order is CONFIRMED, not cancelled",
                        ConsumerScenarios::backlogPastDeadline),
                new SimpleScenario("cancel-before-deduct", "the cancel reaches inventory before the order does: "
                        + "nothing to undo, and the late deduction is skipped for good", ConsumerScenarios::cancelFirst));
    }

    private static void consumerThrows(ScenarioRun run) {
        run.faults().arm("inventory", CONSUME, FaultAction.throwTimes(2));
        String orderId = run.placeOrder(34, 4, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.observed(run.timelineHas(orderId, Steps.DELIVERY_FAILED, "delivery #2 of OrderCreated failed"),
                "two failed deliveries of OrderCreated, each redelivered");
        run.expect(run.timelineHas(orderId, Steps.STOCK_DEDUCTED, "deducted 1 unit"), "the stock moved once");
    }

    /**
     * scripts/scenario.sh starts the platform with TXLAB_MAX_RECONSUME_TIMES=5: the DLQ after ~30 s of
     * redeliveries (1+2+4+8+15 s), well before the sweeper's 90 s. With RocketMQ's 16 the sweeper would
     * cancel the order first, and the replay would meet the barrier instead.
     */
    private static void dlqAndReplay(ScenarioRun run) {
        run.faults().arm("payment", CONSUME, FaultAction.throwTimes(1_000));
        String orderId = run.placeOrder(47, 4, 1);
        run.observed(run.await(TO_DLQ,
                () -> run.timelineHas(orderId, Steps.DELIVERY_FAILED, "moves it to its group's DLQ")),
                "payment's last redelivery failed: the broker moved OrderCreated to %DLQ%" + PAYMENT_GROUP);
        run.faults().disarm("payment", CONSUME);
        run.expect(run.api().orderStatus(orderId).equals("PENDING"), "the order waits, PENDING: payment never replied");
        run.expect(run.replayDeadLetters(PAYMENT_GROUP).contains(orderId),
                "the runner replayed its dead letter from %DLQ%" + PAYMENT_GROUP + " to " + PAYMENT_GROUP + " only");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.timelineHas(orderId, Steps.PAYMENT_CHARGED, ""), "payment charged once, on the replay");
    }

    /** The rule's other side, a half message the broker discarded, is max-checks-discard: that order is cancelled. */
    private static void backlogPastDeadline(ScenarioRun run) {
        run.kill("inventory-service");
        String orderId = run.placeOrder(48, 4, 1);
        run.observed(run.await(TWO_SWEEPS_PAST_DEADLINE, () -> sweepsThatLeftOrdersWaiting(run) >= 2),
                "two sweeps past the deadline found the order's OrderCreated still queued and left it waiting");
        run.expect(run.api().orderStatus(orderId).equals("PENDING"), "the order is still PENDING past the deadline");
        run.start("inventory-service");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"),
                "once inventory is back the order is CONFIRMED");
        run.expect(run.timelineHas(orderId, Steps.STOCK_DEDUCTED, "deducted 1 unit"), "the stock moved once");
    }

    private static long sweepsThatLeftOrdersWaiting(ScenarioRun run) {
        return run.serviceLogWith("order-service", LEFT_WAITING).stream()
                .filter(line -> !line.contains(" 0 " + LEFT_WAITING)).count();
    }

    private static void duplicateDelivery(ScenarioRun run) {
        run.faults().arm("inventory", AFTER_DB_COMMIT, FaultAction.throwTimes(1));
        String orderId = run.placeOrder(35, 4, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.observed(run.awaitStep(orderId, Steps.DEDUP_HIT, "OrderCreated"), "the redelivery found the dedup row");
    }

    private static void crashBeforeAck(ScenarioRun run) {
        run.faults().arm("inventory", AFTER_DB_COMMIT, FaultAction.crash());
        String orderId = run.placeOrder(36, 4, 1);
        Crash crash = run.restartAfterCrash("inventory", AFTER_DB_COMMIT);
        run.expect(orderId.equals(crash.orderId()), "inventory halted while handling this order (" + crash.orderId() + ")");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.awaitStep(orderId, Steps.DEDUP_HIT, "OrderCreated"),
                "the restarted inventory's redelivery found the dedup row");
    }

    /** A participant's reply is a plain send after its commit: the unacknowledged event is what resends it. */
    private static void crashBeforeReply(ScenarioRun run) {
        run.faults().arm("inventory", BEFORE_REPLY, FaultAction.crash());
        String orderId = run.placeOrder(39, 4, 1);
        Crash crash = run.restartAfterCrash("inventory", BEFORE_REPLY);
        run.expect(orderId.equals(crash.orderId()), "inventory halted between its commit and its reply ("
                + crash.orderId() + ")");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.awaitStep(orderId, Steps.DEDUP_HIT, "OrderCreated"),
                "the restarted inventory's redelivery found the dedup row (and replied again)");
        run.expect(run.timeline(orderId).stream()
                .filter(entry -> entry.path("step").asString().equals(Steps.STOCK_DEDUCTED)).count() == 1,
                "the stock moved once");
        run.expect(run.timeline(orderId).stream().filter(entry -> entry.path("service").asString().equals("order")
                && entry.path("step").asString().equals(Steps.CONSUMED)
                && entry.path("detail").asString().contains("ParticipantReplied:inventory")).count() == 1,
                "the order service applied inventory's reply once");
    }

    private static void insufficientStock(ScenarioRun run) {
        String orderId = run.placeOrder(37, 5, 11);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CANCELLED"), "the order is CANCELLED");
        run.expect(awaitUndone(run, orderId, "payment"), "payment undid its charge, or had none to undo");
    }

    private static void insufficientBalance(ScenarioRun run) {
        String orderId = run.placeOrder(96, 1, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CANCELLED"), "the order is CANCELLED");
        run.expect(awaitUndone(run, orderId, "inventory"), "inventory released the stock, or had none to release");
    }

    private static void cancelFirst(ScenarioRun run) {
        run.faults().arm("inventory", BEFORE_APPLY, FaultAction.throwTimes(2));
        String orderId = run.placeOrder(97, 2, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CANCELLED"), "payment refuses: CANCELLED");
        run.observed(run.awaitStep(orderId, Steps.CANCELLED_BEFORE_APPLY, "barrier planted"),
                "inventory got the cancel first: nothing to undo, barrier planted");
        run.expect(run.awaitStep(orderId, Steps.LATE_APPLY_SKIPPED, "skipped for good"),
                "inventory's late OrderCreated was skipped for good");
    }

    private static final Set<String> UNDONE = Set.of(Steps.STOCK_RELEASED, Steps.PAYMENT_REFUNDED,
            Steps.CANCELLED_BEFORE_APPLY);

    /** The participant handled the cancel: it undid what it applied, or the cancel came first. */
    private static boolean awaitUndone(ScenarioRun run, String orderId, String participant) {
        return run.await(CONVERGE, () -> run.timeline(orderId).stream().anyMatch(entry ->
                entry.path("service").asString().equals(participant) && UNDONE.contains(entry.path("step").asString())));
    }
}
