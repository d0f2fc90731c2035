package io.txlab.tools.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.txlab.tools.client.KeepAliveHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls the benchmark makes, each answered asynchronously: the open loop sends a request at its intended
 * time and records the answer when it comes, so no request waits for a thread. Thread-safe: one
 * {@link KeepAliveHttp} per service carries every request.
 */
public final class BenchApi implements AutoCloseable {

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

        /** The error kind of a failed answer: the NoAnswer's kind, else "exception" and the cause's class. */
        public static String kindOf(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof NoAnswer none ? none.kind() : "exception " + cause.getClass().getSimpleName();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");
    private static final String ORDER_ID_KEY = "\"orderId\":\"";

    private final String orderUrl;
    private final KeepAliveHttp orders;
    private final KeepAliveHttp inventory;

    public BenchApi(String orderUrl, String inventoryUrl, int connections) {
        this.orderUrl = orderUrl;
        this.orders = new KeepAliveHttp(URI.create(orderUrl), connections, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        this.inventory = new KeepAliveHttp(URI.create(inventoryUrl), connections, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public String orderUrl() {
        return orderUrl;
    }

    /** One unit, placed the given way; the order id with any 2xx. The future fails with {@link NoAnswer}. */
    public CompletableFuture<Answer> placeOrder(PublishingWay way, String requestId, long userId, long productId) {
        return answer(post(way, orderBody(requestId, userId, productId)), response -> new Answer(response.status(),
                response.status() / 100 == 2 ? orderId(response.body()) : ""));
    }

    /**
     * The order's JSON, written directly: a request id of letters, digits and dashes (a UUID) needs no escaping,
     * and the driver spends no Jackson round on each request (docs/benchmarks.md, the driver's CPU per order).
     */
    static String orderBody(String requestId, long userId, long productId) {
        if (!plain(requestId)) {
            return JSON.writeValueAsString(Map.of("requestId", requestId, "userId", userId, "productId", productId,
                    "quantity", 1));
        }
        return "{\"requestId\":\"" + requestId + "\",\"userId\":" + userId + ",\"productId\":" + productId
                + ",\"quantity\":1}";
    }

    /** Letters, digits and dashes only, as a UUID: nothing a JSON string would escape. */
    private static boolean plain(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The order id of an answer: found directly in the service's compact JSON, else by parsing it. */
    static String orderId(String body) {
        int key = body.indexOf(ORDER_ID_KEY);
        if (key >= 0) {
            int from = key + ORDER_ID_KEY.length();
            int to = body.indexOf('"', from);
            String id = to > from ? body.substring(from, to) : "";
            if (plain(id)) {
                return id;
            }
        }
        return field(body, "orderId");
    }

    /**
     * Whether the order service has the endpoint of {@code way}: an empty body is refused (400) where it exists
     * and never places an order. A 404, or the 405 of the static-resource handler that takes unmapped paths,
     * means there is no such endpoint (dual write: the platform does not run the chaos profile).
     */
    public boolean hasEndpoint(PublishingWay way) {
        int status = await(post(way, "{}")).status();
        return status != 404 && status != 405;
    }

    public CompletableFuture<Answer> productStock(long productId) {
        return answer(inventory.send("GET", "/api/inventory/products/" + productId, Map.of(), null),
                response -> new Answer(response.status(), ""));
    }

    public CompletableFuture<Answer> orderStatus(String orderId) {
        return answer(orders.send("GET", "/api/orders/" + orderId, Map.of(), null),
                response -> new Answer(response.status(), orderId));
    }

    /**
     * Whether POST /api/orders knows {@code ?publish=}: since the outbox, an unknown value is a 400
     * unknown-publish-mode problem; before, the parameter was ignored (and outbox orders would go transactional).
     * Places no order.
     */
    public boolean knowsPublishModes() {
        KeepAliveHttp.Response response = await(orders.send("POST", "/api/orders?publish=none", JSON_BODY, "{}"));
        return response.status() == 400 && field(response.body(), "type").endsWith("unknown-publish-mode");
    }

    /** Whether the order service answers at all (any status). */
    public boolean orderServiceAnswers() {
        try {
            await(orders.send("GET", "/actuator/health", Map.of(), null));
            return true;
        } catch (NoAnswer e) {
            return false;
        }
    }

    @Override
    public void close() {
        orders.close();
        inventory.close();
    }

    private static String field(String body, String name) {
        try {
            return JSON.readTree(body).path(name).asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    private CompletableFuture<KeepAliveHttp.Response> post(PublishingWay way, String body) {
        return orders.send("POST", way.path(), JSON_BODY, body);
    }

    private static CompletableFuture<Answer> answer(CompletableFuture<KeepAliveHttp.Response> sent,
                                                    java.util.function.Function<KeepAliveHttp.Response, Answer> read) {
        return sent.handle((response, failure) -> {
            if (failure != null) {
                throw noAnswer(failure);
            }
            return read.apply(response);
        });
    }

    private static KeepAliveHttp.Response await(CompletableFuture<KeepAliveHttp.Response> sent) {
        try {
            return sent.join();
        } catch (CompletionException e) {
            throw noAnswer(e.getCause());
        }
    }

    private static NoAnswer noAnswer(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof KeepAliveHttp.NoAnswer none ? new NoAnswer(none.kind(), none.getMessage(), none)
                : new NoAnswer("io", String.valueOf(cause), cause);
    }
}
