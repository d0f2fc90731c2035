package io.txlab.scenarios.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order service's flash-sale API, as the benchmarks use it (scripts/load.sh flash, and compare's flash phase).
 * Thread-safe: the workers share one.
 */
public final class FlashApi {

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

    /** GET /api/flash-sales/{saleId}: the sale's units, what Redis still admits, its orders by status. */
    public record SaleState(int units, long redisRemaining, int pending, int confirmed, int cancelled) {
    }

    /** A sale just created, open from {@code startsAt} to {@code endsAt}. */
    public record Sale(String saleId, Instant startsAt, Instant endsAt) {
    }

    /** The sale once none of its orders was pending ({@code settled}), or when the wait's limit passed. */
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

    private final String orderUrl;
    private final String adminToken;
    // HTTP/1.1 on purpose: over plain http the default (HTTP/2) first tries an h2c upgrade, and a browser's
    // flash-sale click is one HTTP/1.1 request; the pool then holds one connection per worker.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public FlashApi(String orderUrl, String adminToken) {
        this.orderUrl = orderUrl;
        this.adminToken = adminToken;
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
        Reply reply = send(post("/api/flash-sales", Map.of("productId", productId, "units", units,
                "startsAt", startsAt.toString(), "endsAt", endsAt.toString())).header("X-Admin-Token", adminToken));
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
        Reply reply = send(post("/api/flash-sales/" + saleId + "/purchases",
                Map.of("requestId", UUID.randomUUID().toString(), "userId", userId)));
        if (reply.status() == 202) {
            return Outcome.ACCEPTED;
        }
        Outcome outcome = Outcome.of(reply.status(), reply.text("type"));
        if (outcome == Outcome.ERROR) {
            throw new UnexpectedAnswer(reply.describe());
        }
        return outcome;
    }

    /** Polls the sale until none of its orders is pending, at most for {@code limit}. */
    public Settled awaitSettled(String saleId, Duration limit) {
        long settling = System.nanoTime();
        SaleState state = sale(saleId);
        while (state.pending() > 0 && System.nanoTime() - settling < limit.toNanos()) {
            pause();
            state = sale(saleId);
        }
        return new Settled(state, state.pending() == 0, System.nanoTime() - settling);
    }

    SaleState sale(String saleId) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/flash-sales/" + saleId)).GET());
        JsonNode body = reply.json();
        if (reply.status() != 200 || !body.isObject()) {
            throw new UnexpectedAnswer("reading sale " + saleId + " failed: " + reply.describe());
        }
        JsonNode orders = body.path("orders");
        return new SaleState((int) number(body, "units"), number(body, "redisRemaining"),
                (int) number(orders, "pending"), (int) number(orders, "confirmed"), (int) number(orders, "cancelled"));
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

    private HttpRequest.Builder post(String path, Map<String, Object> body) {
        return HttpRequest.newBuilder(URI.create(orderUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
            throw new Unreachable(request.method() + " " + request.uri() + ": " + e.getClass().getSimpleName()
                    + message.replaceAll("\\s+", " "), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
