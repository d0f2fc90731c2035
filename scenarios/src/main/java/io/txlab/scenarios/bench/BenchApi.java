package io.txlab.scenarios.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The few calls the benchmark makes. Thread-safe: every worker shares one client and its connection pool. */
public final class BenchApi {

    /** An answer: its status, and the order id when it is an accepted order. */
    public record Answer(int status, String orderId) {
    }

    /** No answer: {@code kind} is timeout, connect or io. */
    public static final class NoAnswer extends RuntimeException {
        private final String kind;

        NoAnswer(String kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String orderUrl;
    private final String inventoryUrl;
    // HTTP/1.1: over plain http the default first tries an h2c upgrade; a pooled connection per worker is the
    // browser-like traffic the platform sees
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public BenchApi(String orderUrl, String inventoryUrl) {
        this.orderUrl = orderUrl;
        this.inventoryUrl = inventoryUrl;
    }

    public String orderUrl() {
        return orderUrl;
    }

    /** One unit, placed the given way; the order id with any 2xx. */
    public Answer placeOrder(PublishingWay way, String requestId, long userId, long productId) {
        HttpResponse<String> response = post(way, JSON.writeValueAsString(Map.of("requestId", requestId,
                "userId", userId, "productId", productId, "quantity", 1)));
        return new Answer(response.statusCode(), response.statusCode() / 100 == 2 ? orderId(response.body()) : "");
    }

    /**
     * Whether the order service has the endpoint of {@code way}: an empty body is refused (400) where it exists
     * and never places an order. A 404, or the 405 of the static-resource handler that takes unmapped paths,
     * means there is no such endpoint (dual write: the platform does not run the chaos profile).
     */
    public boolean hasEndpoint(PublishingWay way) {
        int status = post(way, "{}").statusCode();
        return status != 404 && status != 405;
    }

    public Answer productStock(long productId) {
        return new Answer(get(inventoryUrl + "/api/inventory/products/" + productId).statusCode(), "");
    }

    public Answer orderStatus(String orderId) {
        return new Answer(get(orderUrl + "/api/orders/" + orderId).statusCode(), orderId);
    }

    /**
     * Whether POST /api/orders knows {@code ?publish=}: since the outbox, an unknown value is a 400
     * unknown-publish-mode problem; before, the parameter was ignored (and outbox orders would go transactional).
     * Places no order.
     */
    public boolean knowsPublishModes() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/orders?publish=none"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        return response.statusCode() == 400 && field(response.body(), "type").endsWith("unknown-publish-mode");
    }

    /** Whether the order service answers at all (any status). */
    public boolean orderServiceAnswers() {
        try {
            get(orderUrl + "/actuator/health");
            return true;
        } catch (NoAnswer e) {
            return false;
        }
    }

    private static String orderId(String body) {
        return field(body, "orderId");
    }

    private static String field(String body, String name) {
        try {
            return JSON.readTree(body).path(name).asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    private HttpResponse<String> post(PublishingWay way, String body) {
        return send(HttpRequest.newBuilder(URI.create(orderUrl + way.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new NoAnswer("connect", describe(request, e), e);
        } catch (HttpTimeoutException e) {
            throw new NoAnswer("timeout", describe(request, e), e);
        } catch (IOException e) {
            throw new NoAnswer("io", describe(request, e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted", describe(request, e), e);
        }
    }

    private static String describe(HttpRequest request, Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
        return request.method() + " " + request.uri() + ": " + e.getClass().getSimpleName() + message;
    }
}
