package io.txlab.scenarios.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order service's flash-sale API, as the benchmark uses it. Thread-safe: the workers share one. */
final class FlashApi {

    /** The order service did not answer at all. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** It answered, but not as the contract says (or refused what the benchmark needs). */
    static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }

    /** GET /api/flash-sales/{saleId}: the sale's units, what Redis still admits, its orders by status. */
    record SaleState(int units, long redisRemaining, int pending, int confirmed, int cancelled) {
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

    private final String orderUrl;
    private final String adminToken;
    // HTTP/1.1 on purpose: over plain http the default (HTTP/2) first tries an h2c upgrade, and a browser's
    // flash-sale click is one HTTP/1.1 request; the pool then holds one connection per worker.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    FlashApi(String orderUrl, String adminToken) {
        this.orderUrl = orderUrl;
        this.adminToken = adminToken;
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
    Outcome purchase(String saleId, long userId) {
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
