package io.txlab.tools.runner;

import static io.txlab.contracts.fault.FaultPoint.AFTER_LOCAL_COMMIT;
import static io.txlab.contracts.fault.FaultPoint.CHECK_BACK;
import static io.txlab.tools.runner.ProducerScenarios.CONVERGE;
import static io.txlab.tools.runner.ProducerScenarios.FINAL;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.tools.client.PlatformClient;

/**
 * The cluster set (docs/scaling.md): two broker masters and, for scale-out, two instances of every service,
 * each under load from the soak's open-model driver ({@link ClusterLoad}).
 */
final class ClusterScenarios {

    /**
     * The devstack's brokers as a check-back names them: by the address that stored the half message (the
     * client does not pass the broker's name on). broker-a, the default broker, listens on 19911, broker-b on 19921
     * (devstack's DevStackSettings).
     */
    static final String BROKER_A = "127.0.0.1:19911";
    static final String BROKER_B = "127.0.0.1:19921";
    static final double RATE = 20;
    /** Orders whose half message is left waiting for its check-back, spread over both brokers by the producer. */
    private static final int WAITING = 12;
    private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration AFTER_OUTAGE = Duration.ofSeconds(20);
    private static final Duration SCALE_OUT_LOAD = Duration.ofSeconds(90);
    private static final List<String> FIRST_INSTANCES = List.of("order-service", "inventory-service",
            "payment-service");
    private static final List<String> SECOND_INSTANCES = List.of("order-service-2", "inventory-service-2",
            "payment-service-2");

    private ClusterScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new SimpleScenario("broker-failover", "under load (20 orders/s) broker-a of two broker masters stops for "
                        + "20 s: new orders go through broker-b; the half messages stored on broker-a wait and are "
                        + "checked back by broker-a after it returns", ClusterScenarios::brokerFailover, true),
                new SimpleScenario("scale-out", "two instances of every service under load (20 orders/s through both "
                        + "order services); one of each killed (kill -9) and restarted: every order applied once, "
                        + "check-backs answered by either order service", ClusterScenarios::scaleOut, true));
    }

    private static void brokerFailover(ScenarioRun run) {
        run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.unknown(WAITING));
        run.faults().arm("order", CHECK_BACK, FaultAction.unknown(1_000));
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            waiting.add(run.placeOrder(61 + i, 4, 1));
        }
        CheckBackRecords checkBacks = new CheckBackRecords(run.api());
        Map<String, String> storedOn = awaitFirstCheckBacks(run, checkBacks, waiting);
        List<String> onA = ordersOn(storedOn, BROKER_A);
        run.observed(!onA.isEmpty() && !ordersOn(storedOn, BROKER_B).isEmpty(), "the " + WAITING + " half messages "
                + "wait on both brokers, each checked back and answered UNKNOWN by the broker storing it: "
                + onA.size() + " on broker-a (" + BROKER_A + "), " + ordersOn(storedOn, BROKER_B).size()
                + " on broker-b (" + BROKER_B + ")");

        ClusterLoad load = ClusterLoad.start(run, List.of(run.api()), BEFORE_OUTAGE.plus(OUTAGE).plus(AFTER_OUTAGE));
        load.awaitSecond(BEFORE_OUTAGE.toSeconds());
        long stopSecond = load.second();
        run.outage().takeDown("broker");
        load.awaitSecond(stopSecond + OUTAGE.toSeconds());
        Instant outageSettled = load.startedAt().plusSeconds(stopSecond + 5);
        List<String> checkedDuringOutage = onA.stream()
                .filter(orderId -> checkBacks.answeredAfter(orderId, outageSettled)).toList();
        run.observed(checkedDuringOutage.isEmpty(), "no check-back came for broker-a's half messages while it was down"
                + (checkedDuringOutage.isEmpty() ? "" : ": " + checkedDuringOutage));
        run.outage().bringBack("broker");
        long backSecond = load.second();
        Instant backAt = Instant.now();
        run.faults().disarm("order", CHECK_BACK);
        ClusterLoad.Figures figures = load.finish();
        figures.report(stopSecond, backSecond).forEach(run::say);
        run.expect(figures.acceptedBetween(stopSecond + 1, backSecond) > 0, figures.acceptedBetween(stopSecond + 1,
                backSecond) + " orders accepted while broker-a was down: their half messages went to broker-b");
        expectLoadSettled(run, load, figures);

        for (String orderId : waiting) {
            run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), orderId + " CONFIRMED");
        }
        for (String orderId : onA) {
            run.expect(checkBacks.committed(orderId, checkBack -> CheckBackRecords.askedBy(checkBack, BROKER_A)
                    && !CheckBackRecords.answeredAt(checkBack).isBefore(backAt)),
                    orderId + "'s half message was checked back by broker-a after it returned, answered COMMIT");
        }
    }

    /**
     * One instance of each service dies: order-service while the check-backs of orders placed through it are
     * pending (both instances answer UNKNOWN until then), so that order-service-2 must answer them from the
     * shared tx_log; inventory-service-2 and payment-service while their consumer groups hold queues.
     */
    private static void scaleOut(ScenarioRun run) {
        SECOND_INSTANCES.forEach(run::start);
        try {
            run.faults().arm("order", AFTER_LOCAL_COMMIT, FaultAction.unknown(WAITING / 2));
            run.faults().armSecond("order", AFTER_LOCAL_COMMIT, FaultAction.unknown(WAITING / 2));
            run.faults().arm("order", CHECK_BACK, FaultAction.unknown(1_000));
            run.faults().armSecond("order", CHECK_BACK, FaultAction.unknown(1_000));
            List<String> throughFirst = placeEach(run, run.api(), 81);
            List<String> throughSecond = placeEach(run, run.secondApi(), 75);
            ClusterLoad load = ClusterLoad.start(run, List.of(run.api(), run.secondApi()), SCALE_OUT_LOAD);
            List<String> waiting = new ArrayList<>(throughFirst);
            waiting.addAll(throughSecond);
            CheckBackRecords checkBacks = new CheckBackRecords(run.secondApi());
            awaitFirstCheckBacks(run, checkBacks, waiting);
            run.say("check-backs so far answered UNKNOWN by " + checkBacks.answersByInstance(waiting, answer -> true));

            run.kill("order-service");
            run.faults().disarmSecond("order", CHECK_BACK);
            for (String orderId : throughFirst) {
                run.expect(run.await(CONVERGE, () -> checkBacks.committed(orderId,
                                checkBack -> CheckBackRecords.answeredBy(checkBack, "order-service-2@"))),
                        "order " + orderId + ", placed through order-service, was committed by a check-back that "
                                + "order-service-2 answered while order-service was down");
            }
            run.start("order-service");
            run.kill("inventory-service-2");
            run.start("inventory-service-2");
            run.kill("payment-service");
            run.start("payment-service");

            ClusterLoad.Figures figures = load.finish();
            figures.report(-1, -1).forEach(run::say);
            expectLoadSettled(run, load, figures);
            for (String orderId : waiting) {
                run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"), orderId + " CONFIRMED");
            }
            run.say("check-backs that committed the waiting orders, by instance: "
                    + checkBacks.answersByInstance(waiting, "COMMIT"::equals));
            reportConsumers(run, load.acceptedIds());
        } finally {
            SECOND_INSTANCES.forEach(run::kill);
            FIRST_INSTANCES.forEach(run::start);
        }
    }

    /** Users 1-90 hold 1,000.00 each (91-100 start poor): the orders here must be CONFIRMED. */
    private static List<String> placeEach(ScenarioRun run, PlatformClient instance, long firstUser) {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < WAITING / 2; i++) {
            orders.add(run.placeOrder(instance, UUID.randomUUID().toString(), firstUser + i, 4, 1));
        }
        return orders;
    }

    /** Every order the load placed is final, and none is CANCELLED: the outage or the kills lost nothing. */
    private static void expectLoadSettled(ScenarioRun run, ClusterLoad load, ClusterLoad.Figures figures) {
        run.expect(figures.totals().gaveUp() == 0 && figures.totals().refused() == 0 && figures.totals().unresolved() == 0,
                "every order the load offered was accepted: " + figures.totals().accepted() + " of "
                        + figures.totals().offered() + ", none given up or refused");
        Map<String, Long> statuses = load.awaitFinal(CONVERGE);
        run.say("the load's orders: " + statuses);
        run.expect(statuses.keySet().stream().allMatch("CONFIRMED"::equals), "every one of them CONFIRMED");
    }

    /** @return the broker that checked back each order's half message first (and was answered UNKNOWN) */
    private static Map<String, String> awaitFirstCheckBacks(ScenarioRun run, CheckBackRecords checkBacks,
                                                            List<String> orders) {
        Map<String, String> storedOn = new LinkedHashMap<>();
        run.await(CONVERGE, () -> {
            orders.stream().filter(orderId -> !storedOn.containsKey(orderId)).forEach(orderId ->
                    checkBacks.firstAskingBroker(orderId).ifPresent(broker -> storedOn.put(orderId, broker)));
            return storedOn.size() == orders.size();
        });
        run.say("wait: " + storedOn.size() + " of " + orders.size() + " waiting orders checked back; broker of each: "
                + storedOn.values());
        return storedOn;
    }

    private static List<String> ordersOn(Map<String, String> storedOn, String broker) {
        return storedOn.entrySet().stream().filter(entry -> entry.getValue().equals(broker)).map(Map.Entry::getKey)
                .toList();
    }

    /** Which instance of each consumer group took the load's orders: the group rebalanced across both. */
    private static void reportConsumers(ScenarioRun run, List<String> loadOrders) {
        Set<String> orders = Set.copyOf(loadOrders);
        for (String service : List.of("inventory-service", "payment-service")) {
            Map<String, Long> byInstance = new LinkedHashMap<>();
            for (String instance : List.of(service, service + "-2")) {
                byInstance.put(instance, run.serviceLogWith(instance, "order=").stream()
                        .map(ClusterScenarios::orderOf).filter(orders::contains).distinct().count());
            }
            run.observed(byInstance.values().stream().allMatch(count -> count > 0), service + "'s consumer group "
                    + "spread the load's orders over both instances (orders in each instance's log, this run of it): "
                    + byInstance);
        }
    }

    private static String orderOf(String logLine) {
        int start = logLine.indexOf("order=") + "order=".length();
        int end = start;
        while (end < logLine.length() && !Character.isWhitespace(logLine.charAt(end)) && logLine.charAt(end) != ']') {
            end++;
        }
        return logLine.substring(start, end);
    }
}
