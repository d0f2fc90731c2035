package io.txlab.tools.client;

import static io.txlab.tools.client.ServiceConnections.INVENTORY;
import static io.txlab.tools.client.ServiceConnections.ORDER;
import static io.txlab.tools.client.ServiceConnections.PAYMENT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;

/**
 * The platform's public HTTP API as a client sees it, for the demo, every tool and the end-to-end tests: each
 * endpoint's path and body is written here once ({@link PlatformRequests}). Every request goes over
 * {@link KeepAliveHttp}, one per service, opened at its first request ({@link ServiceConnections}). The blocking
 * calls answer a {@link Reply} (the body parsed) and throw {@link Unreachable} when a service does not answer;
 * the asynchronous ones, for the load driver and the flash-sale views, read no more of an answer than they need
 * (the order id without Jackson: docs/benchmarks.md, the driver's CPU per order), and their futures fail with
 * {@link KeepAliveHttp.NoAnswer}.
 */
public final class PlatformClient implements AutoCloseable {

    /**
     * An HTTP answer; {@code body} is the parsed JSON (a missing node when empty or not JSON).
     *
     * @param retryAfter the Retry-After header, empty when there is none
     */
    public record Reply(int status, JsonNode body, String contentType, String retryAfter) {

        public String text(String field) {
            return body.path(field).asString();
        }

        /** "HTTP 409: the problem's detail (or title, or the start of the body)". */
        public String describe() {
            return Answer.describe(status, body, body.isMissingNode() ? "" : body.toString());
        }
    }

    /** An order's POST answered: its status, and the order id with any 2xx. */
    public record Placed(int status, String orderId) {
    }

    /** No service answered a blocking call (refused, reset, timed out). */
    public static final class Unreachable extends IllegalStateException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final int DEFAULT_CONNECTIONS = 64;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final ServiceConnections services;

    public PlatformClient(String orderUrl, String inventoryUrl, String paymentUrl) {
        this(orderUrl, inventoryUrl, paymentUrl, DEFAULT_CONNECTIONS, DEFAULT_REQUEST_TIMEOUT);
    }

    /** @param connections keep-alive connections to each service at most: a request that finds none free waits */
    public PlatformClient(String orderUrl, String inventoryUrl, String paymentUrl, int connections,
                          Duration requestTimeout) {
        this(new ServiceConnections(orderUrl, inventoryUrl, paymentUrl, connections, requestTimeout));
    }

    private PlatformClient(ServiceConnections services) {
        this.services = services;
    }

    /** The same client for another order-service instance (its inventory and payment stay the same). */
    public PlatformClient withOrderUrl(String otherOrderUrl) {
        return new PlatformClient(services.withOrderUrl(otherOrderUrl));
    }

    public String orderUrl() {
        return services.orderUrl();
    }

    @Override
    public void close() {
        services.close();
    }

    // --- orders -------------------------------------------------------------------------------------------------

    public Reply placeOrder(String requestId, long userId, long productId, int quantity) {
        return postOrder(PlatformRequests.orderBody(requestId, userId, productId, quantity));
    }

    /** POST /api/unsafe/dual-write/orders: the anti-pattern (commit, then plain send); chaos profile only. */
    public Reply placeOrderWithDualWrite(String requestId, long userId, long productId, int quantity) {
        return services.call(ORDER, "POST", PublishingWay.DUAL_WRITE.path(), PlatformRequests.JSON_CONTENT,
                PlatformRequests.orderBody(requestId, userId, productId, quantity));
    }

    /** POST /api/orders with a raw body, for checking how bad input is answered. */
    public Reply postOrder(String json) {
        return services.call(ORDER, "POST", PublishingWay.TRANSACTIONAL.path(), PlatformRequests.JSON_CONTENT, json);
    }

    /**
     * One order placed the given way, without waiting: the driver's hot path. The order id of a 2xx is read from
     * the service's compact JSON without Jackson.
     */
    public CompletableFuture<Placed> placeOrder(PublishingWay way, String requestId, long userId, long productId,
                                                int quantity) {
        return services.order().send("POST", way.path(), PlatformRequests.JSON_CONTENT,
                        PlatformRequests.orderBody(requestId, userId, productId, quantity))
                .thenApply(response -> new Placed(response.status(),
                        response.status() / 100 == 2 ? PlatformRequests.orderId(response.body()) : ""));
    }

    public Reply order(String orderId) {
        return services.get(ORDER, PlatformRequests.order(orderId));
    }

    public String orderStatus(String orderId) {
        return order(orderId).text("status");
    }

    /** GET /api/orders/{orderId}, without waiting: its HTTP status only. */
    public CompletableFuture<Integer> orderStatusCode(String orderId) {
        return services.order().send("GET", PlatformRequests.order(orderId), Map.of(), null)
                .thenApply(KeepAliveHttp.Response::status);
    }

    public JsonNode checkBacks(String orderId) {
        return services.get(ORDER, PlatformRequests.checkBacks(orderId)).body();
    }

    /** GET /api/orders/{orderId}/timeline: what all three services know about the order, in order. */
    public Reply timeline(String orderId) {
        return services.get(ORDER, PlatformRequests.timeline(orderId));
    }

    /** GET /api/transactions/checkbacks on the order service; {@code query} is the raw query string, may be empty. */
    public Reply recentCheckBacks(String query) {
        return services.get(ORDER, PlatformRequests.recentCheckBacks(query));
    }

    /**
     * A GET of the reviewers' read API (the console's endpoints) on a service (order, inventory or payment):
     * {@code pathAndQuery} as sent, its query already percent-encoded.
     */
    public Reply read(String service, String pathAndQuery) {
        return services.get(service, pathAndQuery);
    }

    /** A request with the admin token: the console's actions (a dead-letter replay, a fault armed); json may be null. */
    public Reply asAdmin(String service, String method, String adminToken, String pathAndQuery, String json) {
        return services.call(service, method, pathAndQuery, json == null ? PlatformRequests.admin(adminToken)
                : PlatformRequests.adminJson(adminToken), json);
    }

    /**
     * Whether the order service has the endpoint of {@code way}: an empty body is refused (400) where it exists
     * and never places an order. A 404, or the 405 of the static-resource handler that takes unmapped paths,
     * means there is no such endpoint (dual write: the platform does not run the chaos profile).
     */
    public boolean hasEndpoint(PublishingWay way) {
        int status = services.call(ORDER, "POST", way.path(), PlatformRequests.JSON_CONTENT, "{}").status();
        return status != 404 && status != 405;
    }

    /**
     * Whether POST /api/orders knows {@code ?publish=}: since the outbox, an unknown value is a 400
     * unknown-publish-mode problem; before, the parameter was ignored (and outbox orders would go transactional).
     * Places no order.
     */
    public boolean knowsPublishModes() {
        Reply reply = services.call(ORDER, "POST", PlatformRequests.UNKNOWN_PUBLISH_MODE, PlatformRequests.JSON_CONTENT,
                "{}");
        return reply.status() == 400 && reply.text("type").endsWith("unknown-publish-mode");
    }

    // --- stock and balances -------------------------------------------------------------------------------------

    public int available(long productId) {
        return services.get(INVENTORY, PlatformRequests.product(productId)).body().path("available").asInt();
    }

    /** GET /api/inventory/products/{productId}, without waiting: its HTTP status only. */
    public CompletableFuture<Integer> productStatusCode(long productId) {
        return services.inventory().send("GET", PlatformRequests.product(productId), Map.of(), null)
                .thenApply(KeepAliveHttp.Response::status);
    }

    public long balanceCents(long userId) {
        return services.get(PAYMENT, PlatformRequests.account(userId)).body().path("balanceCents").asLong();
    }

    // --- flash sales --------------------------------------------------------------------------------------------

    /** POST /api/flash-sales (admin): {"productId", "units", "startsAt", "endsAt"}. */
    public Reply createFlashSale(String adminToken, long productId, int units, Instant startsAt, Instant endsAt) {
        return services.call(ORDER, "POST", PlatformRequests.FLASH_SALES, PlatformRequests.adminJson(adminToken),
                PlatformRequests.saleBody(productId, units, startsAt, endsAt));
    }

    /** POST /api/flash-sales/{saleId}/purchases: through the gate; 202 accepted, 409, 429 or 503. */
    public Reply purchase(String saleId, String requestId, long userId) {
        return services.await(purchaseLater(saleId, requestId, userId), services.orderUrl());
    }

    /** As {@link #purchase}, without waiting: the raw answer, its body parsed only when asked. */
    public CompletableFuture<Answer> purchaseLater(String saleId, String requestId, long userId) {
        return services.order().send("POST", PlatformRequests.purchases(saleId), PlatformRequests.JSON_CONTENT,
                PlatformRequests.purchaseBody(requestId, userId)).thenApply(Answer::of);
    }

    /** GET /api/flash-sales/{saleId}: units, what Redis holds, orders per status. */
    public Reply flashSale(String saleId) {
        return services.get(ORDER, PlatformRequests.flashSale(saleId));
    }

    /** GET /api/flash-sales/{saleId}: every accepted purchase is an order (none queued) and none is pending. */
    public boolean flashSaleSettled(String saleId) {
        JsonNode orders = flashSale(saleId).body().path("orders");
        return orders.path("queued").asInt(-1) == 0 && orders.path("pending").asInt(-1) == 0;
    }

    /** POST /api/flash-sales/{saleId}/reconciliation (admin): what it changed. */
    public Reply reconcileFlashSale(String adminToken, String saleId) {
        return services.call(ORDER, "POST", PlatformRequests.reconciliation(saleId), PlatformRequests.admin(adminToken),
                null);
    }

    // --- fault points (chaos profile) ---------------------------------------------------------------------------

    /** POST /admin/faults on a service (order, inventory or payment) with the admin token. */
    public Reply armFault(String service, String adminToken, String json) {
        return services.call(service, "POST", PlatformRequests.FAULTS, PlatformRequests.adminJson(adminToken), json);
    }

    /** DELETE /admin/faults/{point} on a service. */
    public Reply disarmFault(String service, String adminToken, String point) {
        return services.call(service, "DELETE", PlatformRequests.fault(point), PlatformRequests.admin(adminToken),
                null);
    }

    /** GET /admin/faults on a service: whether faults are on, which are armed, which points exist. */
    public Reply faultPoints(String service, String adminToken) {
        return services.call(service, "GET", PlatformRequests.FAULTS, PlatformRequests.admin(adminToken), null);
    }

    /** DELETE /admin/faults on a service: disarms every fault point. */
    public Reply disarmFaults(String service, String adminToken) {
        return services.call(service, "DELETE", PlatformRequests.FAULTS, PlatformRequests.admin(adminToken), null);
    }

    /** GET /v3/api-docs on a service (order, inventory or payment): its OpenAPI document. */
    public Reply apiDocs(String service) {
        return services.get(service, PlatformRequests.API_DOCS);
    }

    /** False when the service does not answer at all (a crashed or killed process). */
    public boolean reachable(String service) {
        try {
            services.get(service, PlatformRequests.HEALTH);
            return true;
        } catch (Unreachable e) {
            return false;
        }
    }
}
