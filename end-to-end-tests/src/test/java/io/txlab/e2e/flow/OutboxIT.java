package io.txlab.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.json.JsonCodec;
import io.txlab.tools.client.PlatformClient;
import io.txlab.e2e.support.Ledger;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/orders?publish=outbox on the real broker and database: the order row and its outbox row commit
 * together, the relay sends the row as an ordinary message the participants cannot tell from a committed half
 * message, and marks it sent; a relay that cannot send leaves the row unsent and the order PENDING, never lost.
 */
@ExtendWith(PlatformExtension.class)
class OutboxIT {

    private static final long PRODUCT = 4;
    private static final long PRODUCT_PRICE_CENTS = 1990;
    private static final Duration CONVERGED = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private record Placed(int status, JsonNode body, HttpResponse<String> response) {

        String orderId() {
            return body.path("orderId").asString();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    /** An outbox_event row as the order service stored it. */
    private record OutboxRow(String topic, String tag, String eventType, byte[] payload, boolean sent, int attempts,
                             String lastError) {
    }

    @Test
    void anOrderPlacedThroughTheOutboxIsConfirmedAndItsRowIsMarkedSent(Platform platform, PlatformClient api) {
        long user = 61;
        long balanceBefore = api.balanceCents(user);

        Placed placed = place(platform, "outbox", UUID.randomUUID().toString(), user, 2);

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + placed.orderId());
        assertThat(placed.header("Idempotent-Replayed")).isEqualTo("false");
        String orderId = placed.orderId();
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        OutboxRow row = outboxRow(platform, orderId);
        assertThat(row.sent()).isTrue();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.topic()).isEqualTo("txlab-order-events");
        assertThat(row.tag()).isEqualTo(OrderCreated.TYPE);
        assertThat(row.eventType()).isEqualTo(OrderCreated.TYPE);
        OrderCreated event = new JsonCodec().decode(row.payload(), OrderCreated.class);
        assertThat(event.orderId()).isEqualTo(orderId);
        assertThat(event.amountCents()).isEqualTo(2 * PRODUCT_PRICE_CENTS);
        // no half message took part: nothing in the tx_log for this order
        assertThat(platform.db(Service.ORDER).sql("SELECT COUNT(*) FROM tx_log WHERE order_id = :orderId")
                .param("orderId", orderId).query(Integer.class).single()).isZero();
        Ledger ledger = new Ledger(platform);
        assertThat(ledger.movements(Service.INVENTORY, orderId)).containsExactly("DEDUCT");
        assertThat(ledger.movements(Service.PAYMENT, orderId)).containsExactly("CHARGE");
        assertThat(api.balanceCents(user)).isEqualTo(balanceBefore - 2 * PRODUCT_PRICE_CENTS);
        assertThat(api.timeline(orderId).body().path("entries").toString())
                .contains("OUTBOX_WRITTEN", "OUTBOX_SENT");
    }

    @Test
    void aRepeatedRequestIdAnswers200WithTheSameOrderAndWritesNoSecondOutboxRow(Platform platform,
                                                                                PlatformClient api) {
        String requestId = UUID.randomUUID().toString();
        Placed first = place(platform, "outbox", requestId, 62, 1);
        assertThat(first.status()).isEqualTo(202);

        Placed again = place(platform, "outbox", requestId, 62, 1);
        Placed againByDefault = place(platform, null, requestId, 62, 1);

        for (Placed repeat : new Placed[] {again, againByDefault}) {
            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.orderId()).isEqualTo(first.orderId());
        }
        await().atMost(CONVERGED).until(() -> api.orderStatus(first.orderId()).equals("CONFIRMED"));
        assertThat(platform.db(Service.ORDER).sql("SELECT COUNT(*) FROM outbox_event WHERE order_id = :orderId")
                .param("orderId", first.orderId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(platform.db(Service.ORDER).sql("SELECT COUNT(*) FROM tx_log WHERE order_id = :orderId")
                .param("orderId", first.orderId()).query(Integer.class).single()).isZero();
        assertThat(new Ledger(platform).movements(Service.PAYMENT, first.orderId())).containsExactly("CHARGE");
    }

    @Test
    void whileTheRelayFailsOrdersStayPendingWithTheirRowsUnsentAndAfterwardsTheyArePublishedInOneBatchAndChargedOnce(
            Platform platform, PlatformClient api) {
        platform.faults(Service.ORDER).arm(FaultPoint.OUTBOX_RELAY, FaultAction.throwTimes(FaultAction.ALWAYS));

        List<String> orderIds = List.of(place(platform, "outbox", UUID.randomUUID().toString(), 63, 1).orderId(),
                place(platform, "outbox", UUID.randomUUID().toString(), 64, 1).orderId());

        await().atMost(Duration.ofSeconds(10)).until(() ->
                orderIds.stream().allMatch(orderId -> outboxRow(platform, orderId).attempts() >= 1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> orderIds.stream().allMatch(
                orderId -> !outboxRow(platform, orderId).sent() && api.orderStatus(orderId).equals("PENDING")));
        assertThat(outboxRow(platform, orderIds.get(0)).lastError()).contains("order.outbox-relay");

        platform.faults(Service.ORDER).disarm(FaultPoint.OUTBOX_RELAY);

        await().atMost(CONVERGED).until(() ->
                orderIds.stream().allMatch(orderId -> api.orderStatus(orderId).equals("CONFIRMED")));
        Ledger ledger = new Ledger(platform);
        for (String orderId : orderIds) {
            OutboxRow row = outboxRow(platform, orderId);
            assertThat(row.sent()).isTrue();
            assertThat(row.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(ledger.movements(Service.PAYMENT, orderId)).containsExactly("CHARGE");
            assertThat(ledger.movements(Service.INVENTORY, orderId)).containsExactly("DEDUCT");
        }
        // both were claimed by the first try after the disarm: one batch send, marked sent by one statement
        assertThat(platform.db(Service.ORDER).sql("""
                SELECT COUNT(DISTINCT sent_at) FROM outbox_event WHERE order_id IN (:orderIds)
                """).param("orderIds", orderIds).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownPublishValueIsA400ProblemListingTheAcceptedValuesAndPlacesNothing(Platform platform) {
        String requestId = UUID.randomUUID().toString();

        Placed refused = place(platform, "carrier-pigeon", requestId, 61, 1);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().path("title").asString()).isEqualTo("Unknown publish mode");
        assertThat(refused.body().path("accepted").toString()).contains("transactional", "outbox");
        assertThat(refused.body().toString()).doesNotContain("trace", "Exception", "\tat ");
        assertThat(platform.db(Service.ORDER).sql("SELECT COUNT(*) FROM orders WHERE request_id = :requestId")
                .param("requestId", requestId).query(Integer.class).single()).isZero();
    }

    private Placed place(Platform platform, String publish, String requestId, long userId, int quantity) {
        String query = publish == null ? "" : "?publish=" + publish;
        String body = JSON.writeValueAsString(Map.of("requestId", requestId, "userId", userId, "productId", PRODUCT,
                "quantity", quantity));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl(Service.ORDER) + "/api/orders" + query))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Placed(response.statusCode(), JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OutboxRow outboxRow(Platform platform, String orderId) {
        return platform.db(Service.ORDER).sql("""
                SELECT topic, tag, event_type, payload, sent_at IS NOT NULL AS sent, attempts, last_error
                FROM outbox_event WHERE order_id = :orderId
                """).param("orderId", orderId)
                .query((rs, row) -> new OutboxRow(rs.getString("topic"), rs.getString("tag"),
                        rs.getString("event_type"), rs.getBytes("payload"), rs.getBoolean("sent"), rs.getInt("attempts"),
                        rs.getString("last_error")))
                .single();
    }
}
