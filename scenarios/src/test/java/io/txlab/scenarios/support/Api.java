package io.txlab.scenarios.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.txlab.scenarios.support.Platform.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's public HTTP API, as a client sees it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(Platform platform) {
        this.platform = platform;
    }

    public record Response(int status, JsonNode body, String contentType) {
        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Response placeOrder(String requestId, long userId, long productId, int quantity) {
        return post(Service.ORDER, "/api/orders", JSON.writeValueAsString(Map.of(
                "requestId", requestId, "userId", userId, "productId", productId, "quantity", quantity)));
    }

    public Response order(String orderId) {
        return get(Service.ORDER, "/api/orders/" + orderId);
    }

    public String orderStatus(String orderId) {
        return order(orderId).text("status");
    }

    public Response checkBacks(String orderId) {
        return get(Service.ORDER, "/api/orders/" + orderId + "/checkbacks");
    }

    public int available(long productId) {
        return get(Service.INVENTORY, "/api/inventory/products/" + productId).body().path("available").asInt();
    }

    public long balanceCents(long userId) {
        return get(Service.PAYMENT, "/api/payment/accounts/" + userId).body().path("balanceCents").asLong();
    }

    public Response post(Service service, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(platform.baseUrl(service) + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response get(Service service, String path) {
        return send(HttpRequest.newBuilder(URI.create(platform.baseUrl(service) + path)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
