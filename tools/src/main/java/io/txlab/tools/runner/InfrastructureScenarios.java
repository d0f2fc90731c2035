package io.txlab.tools.runner;

import static io.txlab.contracts.fault.FaultPoint.AFTER_LOCAL_COMMIT;
import static io.txlab.contracts.fault.FaultPoint.CHECK_BACK;
import static io.txlab.contracts.fault.FaultPoint.CONSUME;
import static io.txlab.tools.runner.ProducerScenarios.CONVERGE;
import static io.txlab.tools.runner.ProducerScenarios.FINAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.timeline.Steps;
import io.txlab.tools.client.PlatformClient.Reply;

/** Outages of the infrastructure under the services: the broker, the database, Redis. */
final class InfrastructureScenarios {

    /** Without Redis every lock waits out Redisson's timeouts before going on without it: slow, not stuck. */
    private static final Duration WITHOUT_LOCKS = Duration.ofSeconds(120);

    private InfrastructureScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new SimpleScenario("broker-restart", "the broker stops while a half message waits for its check-back "
                        + "and starts again on the same store: the check-back resumes and answers COMMIT; an order "
                        + "placed meanwhile is refused (503) before any local transaction", InfrastructureScenarios::brokerRestart),
                new SimpleScenario("database-outage", "MariaDB stops while the inventory consumer holds an order: its "
                        + "deliveries fail and are redelivered with backoff until the database is back",
                        InfrastructureScenarios::databaseOutage),
                new SimpleScenario("redis-outage", "Redis freezes while orders flow: each lock is given up "
                        + "after its timeout, the database's unique keys keep every effect single; then Redis returns",
                        InfrastructureScenarios::redisOutage));
    }

    private static void brokerRestart(ScenarioRun run) {
        run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        run.faults().arm("order", CHECK_BACK, FaultAction.unknown(1_000));
        String inFlight = run.placeOrder(44, 4, 1);
        run.observed(run.await(CONVERGE, () -> run.api().checkBacks(inFlight).size() > 0),
                "a check-back answered UNKNOWN: the half message of " + inFlight + " waits on the broker");
        run.outage().takeDown("broker");
        String requestId = UUID.randomUUID().toString();
        Reply refused = run.api().placeOrder(requestId, 45, 4, 1);
        run.say("load: user 45 buys 1 x product 4 while the broker is down -> HTTP " + refused.status() + " "
                + refused.body().path("title").asString());
        run.observed(refused.status() == 503, "the order is refused with 503: no half message, so no local transaction");
        run.outage().bringBack("broker");
        run.faults().disarm("order", CHECK_BACK);
        run.expect(run.awaitStatus(inFlight, FINAL, CONVERGE).equals("CONFIRMED"),
                "the half message outlived the restart: checked back again, committed, the order CONFIRMED");
        run.expect(run.timelineHas(inFlight, Steps.CHECK_BACK, "answered COMMIT"), "its last check-back answered COMMIT");
        List<Integer> answered = new ArrayList<>();
        run.api().checkBacks(inFlight).forEach(checkBack -> answered.add(checkBack.path("attempt").asInt()));
        run.say("check-backs the order service answered: " + answered + "; a number missing is a scan the restarted "
                + "broker made before the producer's next heartbeat (every 5 s) reconnected it: it still counts toward 15");
        Reply retried = run.api().placeOrder(requestId, 45, 4, 1);
        run.expect(retried.status() == 202, "the client's retry with the same requestId creates the order (HTTP "
                + retried.status() + "): the refused request had written nothing");
        String after = retried.text("orderId");
        run.follow(after);
        run.expect(run.awaitStatus(after, FINAL, CONVERGE).equals("CONFIRMED"), "and it is CONFIRMED");
    }

    /**
     * The consumer is held in its fault point while the database stops, so that its work meets the outage.
     * In the embedded stack the three schemas share one MariaDB server: the outage hits every service, and
     * the order service answers check-backs UNKNOWN meanwhile.
     */
    private static void databaseOutage(ScenarioRun run) {
        run.faults().arm("inventory", CONSUME, new FaultAction(FaultAction.Kind.DELAY, 1, Duration.ofMillis(3_000)));
        String orderId = run.placeOrder(46, 4, 1);
        run.outage().takeDown("database");
        // each failure waits out the pool's 5 s connection timeout, and again to record it: ~10 s a delivery
        long started = System.nanoTime();
        boolean failedTwice = run.await(Duration.ofSeconds(45), () -> failedDeliveries(run, orderId).size() >= 2);
        run.say("wait: " + failedDeliveries(run, orderId).size() + " failed deliveries in inventory-service's log after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        run.outage().bringBack("database");
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"),
                "the order is CONFIRMED once the database is back");
        List<String> failed = failedDeliveries(run, orderId);
        failed.forEach(line -> run.say("inventory-service log: " + line));
        run.observed(failedTwice && failed.size() >= 2, failed.size() + " deliveries failed while the database was down, each "
                + "redelivered (the log has every one; delivery_failure only those the database took), then one succeeded");
    }

    /** The time and message of each "failed ..., the broker redelivers it" line about the order. */
    private static List<String> failedDeliveries(ScenarioRun run, String orderId) {
        return run.serviceLog("inventory-service", orderId, "the broker redelivers it").stream()
                .map(line -> line.substring(0, Math.min(line.indexOf(' ') + 1, line.length()))
                        + line.substring(line.indexOf(" : ") + 3))
                .toList();
    }

    /**
     * The runner's own PING shows Redis frozen; the services' logs show each lock given up on ("lock KEY
     * unavailable (...), going on without it", ContentionLocks) for this order: the reply consumer's lock in
     * the order service, the consumer's in inventory.
     */
    private static void redisOutage(ScenarioRun run) {
        run.outage().pause("redis");
        run.observed(!run.outage().redisAnswers(), "Redis is frozen: the runner's PING got no answer");
        String during = run.placeOrder(41, 4, 1);
        run.expect(run.awaitStatus(during, FINAL, WITHOUT_LOCKS).equals("CONFIRMED"),
                "an order placed while Redis answers nothing is CONFIRMED, its locks skipped");
        List<String> replyLock = run.serviceLogWith("order-service", "lock order:" + during, "going on without it");
        List<String> consumerLock = run.serviceLogWith("inventory-service", "lock ", during, "going on without it");
        replyLock.forEach(line -> run.say("order-service log: " + ServiceCrashes.gist(line)));
        consumerLock.forEach(line -> run.say("inventory-service log: " + ServiceCrashes.gist(line)));
        run.observed(!replyLock.isEmpty(), "order-service gave up the order's reply lock and went on without it");
        run.observed(!consumerLock.isEmpty(), "inventory-service gave up the order's lock and went on without it");
        run.outage().resume("redis");
        run.expect(run.outage().redisAnswers(), "Redis answers again after the outage");
        String after = run.placeOrder(42, 4, 1);
        run.expect(run.awaitStatus(after, FINAL, CONVERGE).equals("CONFIRMED"),
                "after the outage an order is CONFIRMED again");
    }
}
