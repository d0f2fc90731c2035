package io.txlab.tools.soak;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.txlab.tools.client.PlatformClient;

/**
 * Whether the platform works again after a fault: a probe order, retried with its request id until the order
 * service accepts it, then awaited until CONFIRMED or CANCELLED. Its order counts among the run's orders.
 */
final class RecoveryProbe {

    private static final long PRODUCT = 7;
    private static final long FIRST_USER = 149_001;
    private static final Duration POLL = Duration.ofMillis(250);

    private final PlatformClient api;
    private final Duration limit;
    private final AtomicInteger probes = new AtomicInteger();

    RecoveryProbe(PlatformClient api, Duration limit) {
        this.api = api;
        this.limit = limit;
    }

    /** The probe's order id once it is final; empty if the limit passed first (then the id, if any, is in {@code placed}). */
    Optional<String> awaitFinalOrder(Consumer<String> placed) {
        long deadline = System.nanoTime() + limit.toNanos();
        String requestId = "soak-probe-" + UUID.randomUUID();
        long user = FIRST_USER + probes.getAndIncrement() % 999;
        String orderId = null;
        while (orderId == null && System.nanoTime() < deadline) {
            orderId = place(requestId, user);
            if (orderId == null) {
                Pause.millis(POLL.toMillis());
            }
        }
        if (orderId == null) {
            return Optional.empty();
        }
        placed.accept(orderId);
        while (System.nanoTime() < deadline) {
            String status = status(orderId);
            if (status.equals("CONFIRMED") || status.equals("CANCELLED")) {
                return Optional.of(orderId);
            }
            Pause.millis(POLL.toMillis());
        }
        return Optional.empty();
    }

    private String place(String requestId, long user) {
        try {
            PlatformClient.Reply reply = api.placeOrder(requestId, user, PRODUCT, 1);
            return reply.status() / 100 == 2 ? reply.text("orderId") : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String status(String orderId) {
        try {
            return api.orderStatus(orderId);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
