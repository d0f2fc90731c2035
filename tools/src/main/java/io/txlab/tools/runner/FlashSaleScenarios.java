package io.txlab.tools.runner;

import static io.txlab.contracts.fault.FaultPoint.FLASH_PLACEMENT;
import static io.txlab.contracts.fault.FaultPoint.FLASH_RECONCILE_JOB;
import static io.txlab.tools.runner.ProducerScenarios.CONVERGE;
import static io.txlab.tools.runner.ProducerScenarios.FINAL;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.tools.client.PlatformClient.Reply;

/** The flash-sale gate under a storm of buyers. */
final class FlashSaleScenarios {

    private static final long PRODUCT = 6;
    private static final int UNITS = 20;
    private static final long FIRST_BUYER = 2001;
    private static final int BUYERS = 300;
    private static final int REQUESTS_PER_BUYER = 2;
    private static final long CRASH_BUYER = 2401;
    /** The job runs every 5 s (txlab.flash.reconcile-interval): it passes its fault point within this. */
    private static final Duration HELD_OFF_BOUND = Duration.ofSeconds(15);

    private FlashSaleScenarios() {
    }

    static List<Scenario> all() {
        return List.of(new SimpleScenario("flash-sale-storm", "a flash sale of " + UNITS + " units; " + BUYERS
                + " buyers fire " + REQUESTS_PER_BUYER + " purchases each at once: exactly " + UNITS + " orders, one per "
                + "buyer, the rest refused (409, 429); Redis agrees with the database", FlashSaleScenarios::storm),
                new SimpleScenario("flash-crash-before-placement", "a buyer's purchase is accepted and queued; the order "
                        + "service dies before placing its order: after a restart the queue delivers it again and it is "
                        + "placed once; the same request again gets the same order", FlashSaleScenarios::crashBeforePlacement));
    }

    /**
     * The background reconciliation (every 5 s) is held off by a fault point for the whole claim, so that
     * "Redis has 0 left, nothing to repair" is the gate's own doing, not a repair made meanwhile.
     */
    private static void storm(ScenarioRun run) {
        int heldOffBefore = heldOff(run);
        run.faults().arm("order", FLASH_RECONCILE_JOB, FaultAction.throwTimes(1_000));
        String saleId = run.openFlashSale(PRODUCT, UNITS, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        Map<Integer, Integer> statuses = fire(run, saleId);
        run.say("load: " + BUYERS * REQUESTS_PER_BUYER + " purchases answered " + statuses);
        run.expect(statuses.getOrDefault(202, 0) == UNITS, statuses.getOrDefault(202, 0) + " purchases accepted, "
                + "exactly the " + UNITS + " units");
        run.expect(statuses.keySet().stream().allMatch(status -> status == 202 || status == 409 || status == 429),
                "every other purchase was refused with 409 (sold out, already bought) or 429 (rate limited)");
        run.expect(run.await(CONVERGE, () -> run.api().flashSaleSettled(saleId)),
                "every accepted purchase was placed (none queued) and no order of the sale is PENDING any more");
        Reply state = run.api().flashSale(saleId);
        run.say("state: " + state.body());
        run.expect(state.body().path("orders").path("confirmed").asInt() == UNITS, UNITS + " orders CONFIRMED");
        run.expect(state.body().path("redisRemaining").asInt() == 0 && "ok".equals(state.text("redis")),
                "Redis has 0 units left");
        run.observed(run.await(HELD_OFF_BOUND, () -> heldOff(run) > heldOffBefore),
                "the background reconciliation ran during the sale and was held off: it repaired nothing");
        Reply reconciled = run.reconcileFlashSale(saleId);
        run.say("reconciliation: " + reconciled.body());
        run.expect(reconciled.status() == 200 && reconciled.body().path("changes").isEmpty(),
                "reconciliation finds nothing to repair: Redis agrees with the database");
        run.faults().disarm("order", FLASH_RECONCILE_JOB);
    }

    /**
     * The purchase is answered once it is stored in the queue, and the placement runs on a consumer thread, so
     * the halt may come before or after the buyer's answer is written: either way the order must appear.
     */
    private static void crashBeforePlacement(ScenarioRun run) {
        String saleId = run.openFlashSale(PRODUCT, 2, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        run.faults().arm("order", FLASH_PLACEMENT, FaultAction.crash());
        String requestId = UUID.randomUUID().toString();
        Optional<Reply> answer = purchaseThroughACrash(run, saleId, requestId);
        Crash crash = run.restartAfterCrash("order", FLASH_PLACEMENT);
        String orderId = crash.orderId();
        run.expect(orderId != null, "the halt's log line names the queued purchase's order: " + orderId);
        answer.ifPresent(accepted -> run.expect(accepted.status() == 202 && "QUEUED".equals(accepted.text("status"))
                && accepted.text("orderId").equals(orderId), "the buyer was answered 202 QUEUED for that order"));
        run.follow(orderId);
        run.expect(run.awaitStatus(orderId, FINAL, CONVERGE).equals("CONFIRMED"),
                "the restarted order service placed the queued purchase: the order is CONFIRMED");
        Reply again = run.api().purchase(saleId, requestId, CRASH_BUYER);
        run.expect(again.status() == 200 && orderId.equals(again.text("orderId")),
                "the same request again gets the same order (HTTP " + again.status() + ")");
        Reply state = run.api().flashSale(saleId);
        run.say("state: " + state.body());
        run.expect(run.api().flashSaleSettled(saleId) && state.body().path("orders").path("confirmed").asInt() == 1
                && state.body().path("redisRemaining").asInt() == 1, "one order for the one purchase; Redis has 1 of "
                + "the 2 units left");
        Reply reconciled = run.reconcileFlashSale(saleId);
        run.expect(reconciled.status() == 200 && reconciled.body().path("changes").isEmpty(),
                "reconciliation finds nothing to repair: Redis agrees with the database");
    }

    private static Optional<Reply> purchaseThroughACrash(ScenarioRun run, String saleId, String requestId) {
        try {
            Reply reply = run.api().purchase(saleId, requestId, CRASH_BUYER);
            run.say("load: user " + CRASH_BUYER + " buys a unit -> HTTP " + reply.status() + " " + reply.body());
            return Optional.of(reply);
        } catch (IllegalStateException e) {
            run.say("load: user " + CRASH_BUYER + " buys a unit -> no answer, the order service halted first ("
                    + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** How many runs of the background reconciliation the fault point has held off (order-service's log). */
    private static int heldOff(ScenarioRun run) {
        return run.serviceLogWith("order-service", "reconciliation job held off by fault point " + FLASH_RECONCILE_JOB.nameIn("order")).size();
    }

    private static Map<Integer, Integer> fire(ScenarioRun run, String saleId) {
        ExecutorService buyers = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int round = 0; round < REQUESTS_PER_BUYER; round++) {
                for (long user = FIRST_BUYER; user < FIRST_BUYER + BUYERS; user++) {
                    long buyer = user;
                    replies.add(buyers.submit(() -> run.api().purchase(saleId, UUID.randomUUID().toString(), buyer)
                            .status()));
                }
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> reply : replies) {
                statuses.merge(reply.get(), 1, Integer::sum);
            }
            return statuses;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a purchase failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            buyers.shutdown();
        }
    }
}
