package io.txlab.scenarios.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the three services, for command-line tools. */
final class PlatformClient {

    record Reply(int status, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String orderUrl;
    private final String inventoryUrl;
    private final String paymentUrl;

    PlatformClient(String orderUrl, String inventoryUrl, String paymentUrl) {
        this.orderUrl = orderUrl;
        this.inventoryUrl = inventoryUrl;
        this.paymentUrl = paymentUrl;
    }

    Reply placeOrder(String requestId, long userId, long productId, int quantity) {
        String body = JSON.writeValueAsString(Map.of("requestId", requestId, "userId", userId,
                "productId", productId, "quantity", quantity));
        return send(HttpRequest.newBuilder(URI.create(orderUrl + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode order(String orderId) {
        return get(orderUrl + "/api/orders/" + orderId).body();
    }

    JsonNode checkBacks(String orderId) {
        return get(orderUrl + "/api/orders/" + orderId + "/checkbacks").body();
    }

    int available(long productId) {
        return get(inventoryUrl + "/api/inventory/products/" + productId).body().path("available").asInt();
    }

    long balanceCents(long userId) {
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
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
