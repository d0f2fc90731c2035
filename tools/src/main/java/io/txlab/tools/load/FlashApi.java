package io.txlab.tools.load;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import io.txlab.tools.client.KeepAliveHttp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order service's flash-sale API, as the benchmarks use it (scripts/load.sh flash, and compare's flash phase).
 * Thread-safe: one {@link KeepAliveHttp} carries every request.
 */
public final class FlashApi implements AutoCloseable {

    /** The order service did not answer at all. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** It answered, but not as the contract says (or refused what the benchmark needs). */
    public static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }

    /**
     * GET /api/flash-sales/{saleId}: the sale's units, what Redis still admits, its accepted purchases not
     * placed yet ({@code queued}; 0 when Redis cannot tell) and its orders by status.
     */
    public record SaleState(int units, long redisRemaining, int queued, int pending, int confirmed, int cancelled) {

        /** Every accepted purchase is an order, and none of them is pending. */
        public boolean settled() {
            return queued == 0 && pending == 0;
        }
    }

    /** A sale just created, open from {@code startsAt} to {@code endsAt}. */
    public record Sale(String saleId, Instant startsAt, Instant endsAt) {
    }

    /** The sale once every purchase was placed and none of its orders was pending ({@code settled}), or when the
     * wait's limit passed. */
    public record Settled(SaleState state, boolean settled, long waitedNanos) {
    }

    private record Reply(int status, String body) {

        JsonNode json() {
            try {
                return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            } catch (JacksonException e) {
                return JSON.missingNode();
            }
        }

        String text(String field) {
            JsonNode value = json().path(field);
            return value.isString() || value.isNumber() ? value.asString() : "";
        }

        /** "HTTP 409: the problem's detail (or title, or the start of the body)". */
        String describe() {
            String detail = text("detail").isBlank() ? text("title") : text("detail");
            if (detail.isBlank()) {
                detail = body.isBlank() ? "(empty body)" : body.replaceAll("\\s+", " ").strip();
            }
            return "HTTP " + status + ": " + (detail.length() > 200 ? detail.substring(0, 200) + "..." : detail);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern SALE_ID = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final long SETTLE_POLL_MILLIS = 500;

    private final String adminToken;
    private final KeepAliveHttp http;

    /** @param connections keep-alive connections at most: a purchase that finds none free waits for one */
    public FlashApi(String orderUrl, String adminToken, int connections) {
        this.adminToken = adminToken;
        this.http = new KeepAliveHttp(URI.create(orderUrl), connections, Duration.ofSeconds(5), REQUEST_TIMEOUT);
    }

    @Override
    public void close() {
        http.close();
    }

    /** A sale of {@code units} open from a second ago for {@code length}, so that its first purchase is on time. */
    public Sale openSale(long productId, int units, Duration length) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant startsAt = now.minusSeconds(1);
        Instant endsAt = now.plus(length);
        return new Sale(createSale(productId, units, startsAt, endsAt), startsAt, endsAt);
    }

    /** POST /api/flash-sales with the admin token; the new sale's id. */
    String createSale(long productId, int units, Instant startsAt, Instant endsAt) {
        Reply reply = join(post("/api/flash-sales", Map.of("productId", productId, "units", units,
                "startsAt", startsAt.toString(), "endsAt", endsAt.toString()), Map.of("X-Admin-Token", adminToken)));
        String saleId = reply.text("saleId");
        if (reply.status() == 201 && SALE_ID.matcher(saleId).matches()) {
            return saleId;
        }
        throw new UnexpectedAnswer(switch (reply.status()) {
            case 201 -> "the new sale has no usable saleId: " + reply.body();
            case 401, 403 -> "the order service refused the admin token (" + reply.describe()
                    + "); set TXLAB_ADMIN_TOKEN to the token the platform was started with";
            case 409 -> "product " + productId + " cannot back a sale of " + units + " units (" + reply.describe()
                    + "); try fewer --units or another --product";
            case 404, 405 -> "the order service has no flash-sale API (" + reply.describe() + "); is it up to date?";
            default -> "creating the sale failed: " + reply.describe();
        });
    }

    /**
     * POST /api/flash-sales/{saleId}/purchases with a new requestId: one click, never a retry.
     * @throws UnexpectedAnswer for a status outside the contract; Unreachable when there is no answer
     */
    public Outcome purchase(String saleId, long userId) {
        return join(purchaseLater(saleId, userId));
    }

    /** As {@link #purchase}, without waiting: the future fails with UnexpectedAnswer or Unreachable. */
    public CompletableFuture<Outcome> purchaseLater(String saleId, long userId) {
        return post("/api/flash-sales/" + saleId + "/purchases",
                Map.of("requestId", UUID.randomUUID().toString(), "userId", userId), Map.of())
                .thenApply(FlashApi::outcome);
    }

    private static Outcome outcome(Reply reply) {
        if (reply.status() == 202) {
            return Outcome.ACCEPTED;
        }
        Outcome outcome = Outcome.of(reply.status(), reply.text("type"));
        if (outcome == Outcome.ERROR) {
            throw new UnexpectedAnswer(reply.describe());
        }
        return outcome;
    }

    /** Polls the sale until every purchase is placed and none of its orders is pending, at most for {@code limit}. */
    public Settled awaitSettled(String saleId, Duration limit) {
        long settling = System.nanoTime();
        SaleState state = sale(saleId);
        while (!state.settled() && System.nanoTime() - settling < limit.toNanos()) {
            pause();
            state = sale(saleId);
        }
        return new Settled(state, state.settled(), System.nanoTime() - settling);
    }

    SaleState sale(String saleId) {
        Reply reply = join(send("GET", "/api/flash-sales/" + saleId, Map.of(), null));
        JsonNode body = reply.json();
        if (reply.status() != 200 || !body.isObject()) {
            throw new UnexpectedAnswer("reading sale " + saleId + " failed: " + reply.describe());
        }
        JsonNode orders = body.path("orders");
        JsonNode queued = orders.path("queued");
        return new SaleState((int) number(body, "units"), number(body, "redisRemaining"),
                queued.isIntegralNumber() ? queued.asInt() : 0, (int) number(orders, "pending"), (int) number(orders, "confirmed"), (int) number(orders, "cancelled"));
    }

    private static long number(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isIntegralNumber()) {
            throw new UnexpectedAnswer("the sale's state has no number " + field + ": " + parent);
        }
        return value.asLong();
    }

    private static void pause() {
        try {
            Thread.sleep(SETTLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sale to settle", e);
        }
    }

    private CompletableFuture<Reply> post(String path, Map<String, Object> body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return send("POST", path, all, JSON.writeValueAsString(body));
    }

    private CompletableFuture<Reply> send(String method, String path, Map<String, String> headers, String body) {
        return http.send(method, path, headers, body).handle((response, failure) -> {
            if (failure == null) {
                return new Reply(response.status(), response.body());
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new Unreachable(message.replaceAll("\\s+", " "), cause);
        });
    }

    /** The value, or the UnexpectedAnswer or Unreachable the future failed with. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
