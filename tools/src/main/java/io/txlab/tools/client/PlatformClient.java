package io.txlab.tools.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's public HTTP API as a client sees it: for the demo, the tools and the end-to-end tests. */
public final class PlatformClient {

    /** An HTTP answer; {@code body} is the parsed JSON (a missing node when empty). */
    /** @param retryAfter the Retry-After header, empty when there is none */
    public record Reply(int status, JsonNode body, String contentType, String retryAfter) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String orderUrl;
    private final String inventoryUrl;
    private final String paymentUrl;

    public PlatformClient(String orderUrl, String inventoryUrl, String paymentUrl) {
        this.orderUrl = orderUrl;
        this.inventoryUrl = inventoryUrl;
        this.paymentUrl = paymentUrl;
    }

    /** The same client for another order-service instance (its inventory and payment stay the same). */
    public PlatformClient withOrderUrl(String otherOrderUrl) {
        return new PlatformClient(otherOrderUrl, inventoryUrl, paymentUrl);
    }

    public Reply placeOrder(String requestId, long userId, long productId, int quantity) {
        return postOrder(JSON.writeValueAsString(Map.of("requestId", requestId, "userId", userId,
                "productId", productId, "quantity", quantity)));
    }

    /** POST /api/unsafe/dual-write/orders: the anti-pattern (commit, then plain send); chaos profile only. */
    public Reply placeOrderWithDualWrite(String requestId, long userId, long productId, int quantity) {
        return send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/unsafe/dual-write/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("requestId", requestId,
                        "userId", userId, "productId", productId, "quantity", quantity)))));
    }

    /** POST /api/orders with a raw body, for checking how bad input is answered. */
    public Reply postOrder(String json) {
        return send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply order(String orderId) {
        return get(orderUrl + "/api/orders/" + orderId);
    }

    public String orderStatus(String orderId) {
        return order(orderId).text("status");
    }

    public JsonNode checkBacks(String orderId) {
        return get(orderUrl + "/api/orders/" + orderId + "/checkbacks").body();
    }

    /** GET /api/orders/{orderId}/timeline: what all three services know about the order, in order. */
    public Reply timeline(String orderId) {
        return get(orderUrl + "/api/orders/" + orderId + "/timeline");
    }

    /** GET /api/inventory/orders/{orderId} or /api/payment/orders/{orderId}. */
    public Reply participantRecords(String participant, String orderId) {
        String base = "inventory".equals(participant) ? inventoryUrl : paymentUrl;
        return get(base + "/api/" + participant + "/orders/" + orderId);
    }

    /** GET /api/transactions/checkbacks on the order service; {@code query} is the raw query string, may be empty. */
    public Reply recentCheckBacks(String query) {
        return get(orderUrl + "/api/transactions/checkbacks" + (query.isEmpty() ? "" : "?" + query));
    }

    /** POST /admin/faults on a service (order, inventory or payment) with the admin token. */
    public Reply armFault(String service, String adminToken, String json) {
        return send(HttpRequest.newBuilder(URI.create(urlOf(service) + "/admin/faults"))
                .header("Content-Type", "application/json")
                .header("X-Admin-Token", adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETE /admin/faults/{point} on a service. */
    public Reply disarmFault(String service, String adminToken, String point) {
        return send(HttpRequest.newBuilder(URI.create(urlOf(service) + "/admin/faults/" + point))
                .header("X-Admin-Token", adminToken)
                .DELETE());
    }

    /** GET /admin/faults on a service: whether faults are on, which are armed, which points exist. */
    public Reply faultPoints(String service, String adminToken) {
        return send(HttpRequest.newBuilder(URI.create(urlOf(service) + "/admin/faults"))
                .header("X-Admin-Token", adminToken)
                .GET());
    }

    /** DELETE /admin/faults on a service: disarms every fault point. */
    public Reply disarmFaults(String service, String adminToken) {
        return send(HttpRequest.newBuilder(URI.create(urlOf(service) + "/admin/faults"))
                .header("X-Admin-Token", adminToken)
                .DELETE());
    }

    /** False when the service does not answer at all (a crashed or killed process). */
    public boolean reachable(String service) {
        try {
            get(urlOf(service) + "/actuator/health");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private String urlOf(String service) {
        return switch (service) {
            case "order" -> orderUrl;
            case "inventory" -> inventoryUrl;
            case "payment" -> paymentUrl;
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    /** POST /api/flash-sales (admin): {"productId", "units", "startsAt", "endsAt"}. */
    public Reply createFlashSale(String adminToken, long productId, int units, Instant startsAt, Instant endsAt) {
        return send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/flash-sales"))
                .header("Content-Type", "application/json")
                .header("X-Admin-Token", adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("productId", productId,
                        "units", units, "startsAt", startsAt.toString(), "endsAt", endsAt.toString())))));
    }

    /** POST /api/flash-sales/{saleId}/purchases: through the gate; 202 accepted, 409, 429 or 503. */
    public Reply purchase(String saleId, String requestId, long userId) {
        return send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/flash-sales/" + saleId + "/purchases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("requestId", requestId,
                        "userId", userId)))));
    }

    /** GET /api/flash-sales/{saleId}: units, what Redis holds, orders per status. */
    public Reply flashSale(String saleId) {
        return get(orderUrl + "/api/flash-sales/" + saleId);
    }

    /** GET /api/flash-sales/{saleId}: every accepted purchase is an order (none queued) and none is pending. */
    public boolean flashSaleSettled(String saleId) {
        JsonNode orders = flashSale(saleId).body().path("orders");
        return orders.path("queued").asInt(-1) == 0 && orders.path("pending").asInt(-1) == 0;
    }

    /** POST /api/flash-sales/{saleId}/reconciliation (admin): what it changed. */
    public Reply reconcileFlashSale(String adminToken, String saleId) {
        return send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/flash-sales/" + saleId + "/reconciliation"))
                .header("X-Admin-Token", adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public int available(long productId) {
        return get(inventoryUrl + "/api/inventory/products/" + productId).body().path("available").asInt();
    }

    public long balanceCents(long userId) {
        return get(paymentUrl + "/api/payment/accounts/" + userId).body().path("balanceCents").asLong();
    }

    private Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
