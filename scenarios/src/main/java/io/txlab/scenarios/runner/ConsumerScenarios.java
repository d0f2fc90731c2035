package io.txlab.scenarios.runner;

import static io.txlab.scenarios.runner.ProducerScenarios.CONVERGE;
import static io.txlab.scenarios.runner.ProducerScenarios.FINAL;

import java.util.List;
import java.util.Set;

/** Failures on the consumer side, and the compensations a refusal sets off. */
final class ConsumerScenarios {

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
                new SimpleScenario("insufficient-stock", "inventory refuses: the order is CANCELLED and payment "
                        + "refunds the charge", ConsumerScenarios::insufficientStock),
                new SimpleScenario("insufficient-balance", "payment refuses: the order is CANCELLED and inventory "
                        + "releases the stock", ConsumerScenarios::insufficientBalance),
                new SimpleScenario("cancel-before-deduct", "the cancel reaches inventory before the order does: "
                        + "nothing to undo, and the late deduction is skipped for good", ConsumerScenarios::cancelFirst));
    }

    private static void consumerThrows(ScenarioRun run) {
        run.arm("inventory", "inventory.consume", "throw", 2);
        String orderId = run.placeOrder(34, 4, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.timelineHas(orderId, "DELIVERY_FAILED", "delivery #2 of OrderCreated failed"),
                "two failed deliveries of OrderCreated, each redelivered");
        run.expect(run.timelineHas(orderId, "STOCK_DEDUCTED", "deducted 1 unit"), "the stock moved once");
    }

    private static void duplicateDelivery(ScenarioRun run) {
        run.arm("inventory", "inventory.after-db-commit", "throw", 1);
        String orderId = run.placeOrder(35, 4, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.awaitStep(orderId, "DEDUP_HIT", "OrderCreated"), "the redelivery found the dedup row");
    }

    private static void crashBeforeAck(ScenarioRun run) {
        run.arm("inventory", "inventory.after-db-commit", "crash", 1);
        String orderId = run.placeOrder(36, 4, 1);
        run.restartAfterCrash("inventory");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), "the order is CONFIRMED");
        run.expect(run.awaitStep(orderId, "DEDUP_HIT", "OrderCreated"),
                "the restarted inventory's redelivery found the dedup row");
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
        run.arm("inventory", "inventory.before-reply", "throw", 2);
        String orderId = run.placeOrder(97, 2, 1);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CANCELLED"), "payment refuses: CANCELLED");
        run.expect(run.awaitStep(orderId, "CANCELLED_BEFORE_APPLY", "barrier planted"),
                "inventory got the cancel first: nothing to undo, barrier planted");
        run.expect(run.awaitStep(orderId, "LATE_APPLY_SKIPPED", "skipped for good"),
                "inventory's late OrderCreated was skipped for good");
    }

    private static final Set<String> UNDONE = Set.of("STOCK_RELEASED", "PAYMENT_REFUNDED",
            "CANCELLED_BEFORE_APPLY");

    /** The participant handled the cancel: it undid what it applied, or the cancel came first. */
    private static boolean awaitUndone(ScenarioRun run, String orderId, String participant) {
        return run.await(CONVERGE, () -> run.timeline(orderId).stream().anyMatch(entry ->
                entry.path("service").asString().equals(participant) && UNDONE.contains(entry.path("step").asString())));
    }
}
