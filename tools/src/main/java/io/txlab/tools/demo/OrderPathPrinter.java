package io.txlab.tools.demo;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import io.txlab.contracts.timeline.Steps;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.timeline.TimelinePrinter;
import tools.jackson.databind.JsonNode;

/** Places one order and narrates its path by watching the order's state change. */
final class OrderPathPrinter {

    private static final long FOLLOW_MILLIS = 30_000;
    private static final long POLL_MILLIS = 20;
    private static final Set<String> COMPENSATION_STEPS = Set.of(Steps.STOCK_RELEASED, Steps.PAYMENT_REFUNDED,
            Steps.NOTHING_TO_UNDO, Steps.CANCELLED_BEFORE_APPLY);

    private final PlatformClient client;
    private final PrintStream out;

    OrderPathPrinter(PlatformClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** @return the final order, or null when it did not settle in time */
    JsonNode placeAndFollow(String requestId, long userId, long productId, int quantity) {
        long start = System.nanoTime();
        PlatformClient.Reply placed = client.placeOrder(requestId, userId, productId, quantity);
        if (placed.status() != 202) {
            out.printf("  POST /api/orders -> HTTP %d: %s%n", placed.status(), placed.body().path("detail").asString());
            return null;
        }
        String orderId = placed.body().path("orderId").asString();
        step(start, "POST /api/orders -> 202 PENDING, order " + orderId);
        out.println("            half message OrderCreated sent; its local transaction wrote the order row and");
        out.println("            the tx_log row in one DB transaction, committed, and told the broker COMMIT");
        JsonNode order = follow(orderId, start);
        if (order == null) {
            out.println("  the order did not settle within " + FOLLOW_MILLIS / 1000 + " s");
            return null;
        }
        printCheckBacks(orderId);
        return order;
    }

    private JsonNode follow(String orderId, long start) {
        String inventory = "AWAITED";
        String payment = "AWAITED";
        while (System.nanoTime() - start < FOLLOW_MILLIS * 1_000_000) {
            JsonNode order = client.order(orderId).body();
            String nowInventory = order.path("inventory").asString();
            String nowPayment = order.path("payment").asString();
            if (!Objects.equals(inventory, nowInventory)) {
                step(start, "inventory consumed OrderCreated and replied: " + describe(nowInventory, order, "stock deducted"));
                inventory = nowInventory;
            }
            if (!Objects.equals(payment, nowPayment)) {
                step(start, "payment consumed OrderCreated and replied: "
                        + describe(nowPayment, order, "charged " + DemoMain.money(order.path("amountCents").asLong())));
                payment = nowPayment;
            }
            String status = order.path("status").asString();
            if (!"PENDING".equals(status)) {
                step(start, status + (order.path("reason").isString() ? " (" + order.path("reason").asString() + ")" : ""));
                return order;
            }
            pause();
        }
        return null;
    }

    /** Waits until both participants handled the cancel, then prints the order's whole timeline. */
    void printCompensation(String orderId) {
        long start = System.nanoTime();
        JsonNode timeline = client.timeline(orderId).body();
        while (!bothCompensated(timeline) && System.nanoTime() - start < FOLLOW_MILLIS * 1_000_000) {
            pause();
            timeline = client.timeline(orderId).body();
        }
        out.println("            OrderCancelled sent as a half message; each participant undid only what it applied."
                + " The timeline (scripts/timeline.sh " + orderId + "):");
        TimelinePrinter.lines(timeline).forEach(line -> out.println("    " + line));
    }

    private static boolean bothCompensated(JsonNode timeline) {
        Set<String> done = new HashSet<>();
        timeline.path("entries").forEach(entry -> {
            if (COMPENSATION_STEPS.contains(entry.path("step").asString())) {
                done.add(entry.path("service").asString());
            }
        });
        return done.containsAll(Set.of("inventory", "payment"));
    }

    private void printCheckBacks(String orderId) {
        JsonNode checkBacks = client.checkBacks(orderId);
        if (checkBacks.isEmpty()) {
            out.println("            check-backs: none (the broker had its COMMIT at once)");
            return;
        }
        for (JsonNode checkBack : checkBacks) {
            out.printf("            check-back #%d answered %s by %s%n", checkBack.path("attempt").asInt(),
                    checkBack.path("answer").asString(), checkBack.path("instance").asString());
        }
    }

    private static String describe(String outcome, JsonNode order, String applied) {
        return "APPLIED".equals(outcome) ? applied : outcome + " " + order.path("reason").asString("");
    }

    private void step(long start, String text) {
        out.printf("  +%-6s %s%n", (System.nanoTime() - start) / 1_000_000 + "ms", text);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
