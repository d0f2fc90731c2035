package io.txlab.tools.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.tools.client.PlatformClient;
import tools.jackson.databind.JsonNode;

/**
 * What a scenario works with: the platform's API, its fault points, its processes, and the record of what
 * the scenario expected and saw. Every step is printed as it happens.
 */
public final class ScenarioRun {

    private static final Duration POLL = Duration.ofMillis(200);

    private final PlatformClient api;
    private final PlatformClient secondApi;
    private final int brokers;
    private final String adminToken;
    private final Consumer<String> out;
    private final ScenarioEvidence evidence;
    private final ServiceCrashes crashes;
    private final DeadLetterReplay deadLetters;
    private final Outages outages;
    private final FaultSwitches faults;

    ScenarioRun(Platform platform, Consumer<String> out) {
        this.api = platform.api();
        this.secondApi = platform.secondApi();
        this.brokers = platform.brokers();
        this.adminToken = platform.adminToken();
        this.out = out;
        this.evidence = new ScenarioEvidence(this::say);
        this.crashes = new ServiceCrashes(platform.processes(), this::say, evidence, this::await);
        this.deadLetters = platform.deadLetters();
        this.outages = new Outages(platform.processes(), platform.redis(), this::say);
        this.faults = new FaultSwitches(api, secondApi, adminToken, this::say);
    }

    /** The API of the second instances (order-service-2, inventory-service-2, payment-service-2), once started. */
    public PlatformClient secondApi() {
        return secondApi;
    }

    /** How many broker masters the platform runs. */
    public int brokers() {
        return brokers;
    }

    public PlatformClient api() {
        return api;
    }

    public void say(String line) {
        out.accept("  " + line);
    }

    /** The fault points of the services' instances. */
    public FaultSwitches faults() {
        return faults;
    }

    /** Creates a flash sale with the admin token; @return its id */
    public String openFlashSale(long productId, int units, Instant startsAt, Instant endsAt) {
        Reply created = api.createFlashSale(adminToken, productId, units, startsAt, endsAt);
        if (created.status() != 201) {
            throw new IllegalStateException("flash sale not created: HTTP " + created.status() + " "
                    + created.body().path("detail").asString());
        }
        say("setup: flash sale " + created.text("saleId") + ", " + units + " units of product " + productId);
        return created.text("saleId");
    }

    public Reply reconcileFlashSale(String saleId) {
        return api.reconcileFlashSale(adminToken, saleId);
    }

    /** Places an order with a fresh request id; the order is followed on the timeline. */
    public String placeOrder(long userId, long productId, int quantity) {
        return placeOrder(UUID.randomUUID().toString(), userId, productId, quantity);
    }

    public String placeOrder(String requestId, long userId, long productId, int quantity) {
        return placeOrder(api, requestId, userId, productId, quantity);
    }

    /** Places an order through one order-service instance ({@link #api} or {@link #secondApi}). */
    public String placeOrder(PlatformClient instance, String requestId, long userId, long productId, int quantity) {
        Reply reply = instance.placeOrder(requestId, userId, productId, quantity);
        if (reply.status() != 202 && reply.status() != 200) {
            throw new IllegalStateException("order not placed: HTTP " + reply.status() + " "
                    + reply.body().path("detail").asString());
        }
        String orderId = reply.text("orderId");
        follow(orderId);
        say("load: user " + userId + " buys " + quantity + " x product " + productId + " -> HTTP " + reply.status()
                + ", order " + orderId);
        return orderId;
    }

    /** Adds an order to those whose timeline lines are printed at the end. */
    public void follow(String orderId) {
        evidence.follow(orderId);
    }

    /** The one wait of every scenario: polls {@code condition} until it holds or {@code bound} has passed. */
    public boolean await(Duration bound, BooleanSupplier condition) {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - started >= bound.toNanos()) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** @return the order's status once it is in {@code wanted}; the last seen one if the bound passed */
    public String awaitStatus(String orderId, Set<String> wanted, Duration bound) {
        long started = System.nanoTime();
        await(bound, () -> wanted.contains(api.orderStatus(orderId)));
        String status = api.orderStatus(orderId);
        say("wait: order " + orderId + " is " + status + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return status;
    }

    /** Compensation and redeliveries follow the final status by a moment: waits for the step, bounded. */
    public boolean awaitStep(String orderId, String step, String text) {
        return await(ProducerScenarios.CONVERGE, () -> timelineHas(orderId, step, text));
    }

    public List<JsonNode> timeline(String orderId) {
        List<JsonNode> entries = new ArrayList<>();
        api.timeline(orderId).body().path("entries").forEach(entries::add);
        return entries;
    }

    /** True when the order's timeline has a step whose detail contains {@code text}. */
    public boolean timelineHas(String orderId, String step, String text) {
        return timeline(orderId).stream().anyMatch(entry -> entry.path("step").asString().equals(step)
                && entry.path("detail").asString().contains(text));
    }

    /** For a baseline: the scenario passes only if the checker reports exactly these invariants violated. */
    public void expectViolation(String invariant) {
        evidence.expectViolation(invariant);
    }

    /** An outcome the scenario expects: an order's status, a step on its timeline, a reply. */
    public void expect(boolean holds, String what) {
        evidence.record(new Expectation(Expectation.Kind.OUTCOME, what, holds));
    }

    /** The evidence that the injected fault really happened; without it the scenario proves nothing. */
    public void observed(boolean happened, String fault) {
        evidence.record(new Expectation(Expectation.Kind.FAULT_OBSERVED, fault, happened));
    }

    /** True when a failed expectation was already printed as this failure. */
    boolean said(String failure) {
        return evidence.said(failure);
    }

    ScenarioVerdict.Evidence evidence(Optional<String> thrown) {
        return evidence.evidence(thrown);
    }

    /**
     * Waits (bounded) until the service's JVM has exited at its fault point (observed only if it exited with the
     * halt's status and logged the halt: {@link ServiceCrashes}), then starts it again.
     *
     * @return the order and transaction the halted request worked on, from the halt's log line
     */
    public Crash restartAfterCrash(String service, FaultPoint point) {
        Crash crash = crashes.awaitCrash(service, point);
        crashes.restart(service);
        return crash;
    }

    /** Waits for a service halted at a fault point to exit, and reads its halt from its log; it stays down. */
    public Crash awaitCrash(String service, FaultPoint point) {
        return crashes.awaitCrash(service, point);
    }

    /** Starts a halted or killed service again. */
    public void restart(String service) {
        crashes.restart(service);
    }

    /** Starts a process scripts/service.sh knows, such as order-service-2 (a second order-service instance). */
    public void start(String process) {
        crashes.start(process);
    }

    public void kill(String process) {
        crashes.kill(process);
    }

    public void killAndRestart(String service) {
        crashes.killAndRestart(service);
    }

    /** Outages of the infrastructure: Redis frozen, the broker or the database stopped. */
    public Outages outage() {
        return outages;
    }

    /**
     * Replays the group's dead letters not replayed before, to that group only ({@link DeadLetterReplay}).
     *
     * @return the order ids of the dead letters it replayed
     */
    public List<String> replayDeadLetters(String group) {
        say("replay: the dlq tool replays " + group + " (from %DLQ%" + group + " to " + group + " only)");
        return deadLetters.replay(group);
    }

    /** The lines of a service's log (this run of it) that contain every one of {@code texts}. */
    public List<String> serviceLogWith(String service, String... texts) {
        return crashes.logWith(service, texts);
    }

    /** The lines of a service's log (this run of it) about the order that contain {@code text}. */
    public List<String> serviceLog(String service, String orderId, String text) {
        return crashes.logWith(service, "order=" + orderId, text);
    }

    Set<String> orders() {
        return evidence.orders();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
