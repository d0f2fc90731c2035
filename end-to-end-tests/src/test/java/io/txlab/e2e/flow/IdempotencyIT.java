package io.txlab.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Each effect happens once: replayed messages and repeated requests change nothing. */
@ExtendWith(PlatformExtension.class)
class IdempotencyIT {

    private static final long PRODUCT = 4;
    private static final Duration CONVERGED = Duration.ofSeconds(45);

    @Test
    void aReplayedOrderCreatedChangesStockAndBalanceOnce(PlatformClient api, Platform platform) throws Exception {
        long user = 5;
        String orderId = api.placeOrder(UUID.randomUUID().toString(), user, PRODUCT, 3).text("orderId");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        int stockAfterOrder = api.available(PRODUCT);
        long balanceAfterOrder = api.balanceCents(user);

        replay(platform, api.order(orderId).body());

        await().atMost(CONVERGED).until(() -> duplicates(platform, Service.INVENTORY, orderId) >= 1
                && duplicates(platform, Service.PAYMENT, orderId) >= 1);
        assertThat(api.available(PRODUCT)).isEqualTo(stockAfterOrder);
        assertThat(api.balanceCents(user)).isEqualTo(balanceAfterOrder);
        assertThat(api.orderStatus(orderId)).isEqualTo("CONFIRMED");
    }

    @Test
    void twentyConcurrentRequestsWithOneRequestIdMakeOneOrder(PlatformClient api, Platform platform) throws Exception {
        String requestId = UUID.randomUUID().toString();
        int stockBefore = api.available(PRODUCT);
        CountDownLatch start = new CountDownLatch(1);
        List<Reply> responses;
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Reply>> futures = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return api.placeOrder(requestId, 6, PRODUCT, 1);
                    }))
                    .toList();
            start.countDown();
            responses = futures.stream().map(IdempotencyIT::get).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).extracting(Reply::status).containsOnly(200, 202);
        assertThat(responses).filteredOn(response -> response.status() == 202).hasSize(1);
        assertThat(responses).extracting(response -> response.text("orderId")).containsOnly(responses.get(0).text("orderId"));
        String orderId = responses.get(0).text("orderId");
        assertThat(platform.db(Service.ORDER).sql("SELECT COUNT(*) FROM orders WHERE request_id = :requestId")
                .param("requestId", requestId).query(Integer.class).single()).isEqualTo(1);
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        assertThat(api.available(PRODUCT)).isEqualTo(stockBefore - 1);
        assertThat(CheckBackIT.consumptions(platform, Service.INVENTORY, orderId)).isEqualTo(1);
    }

    @Test
    void aRequestIdReusedForADifferentOrderIsA409NamingTheFirstOrder(PlatformClient api) {
        String requestId = UUID.randomUUID().toString();
        String first = api.placeOrder(requestId, 8, PRODUCT, 1).text("orderId");

        Reply reused = api.placeOrder(requestId, 8, PRODUCT, 2);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.text("orderId")).isEqualTo(first);
        await().atMost(CONVERGED).until(() -> api.orderStatus(first).equals("CONFIRMED"));
    }

    /** Sends the order's OrderCreated again, as a plain message: what a replay tool or a broker redelivery does. */
    private static void replay(Platform platform, JsonNode order) throws Exception {
        OrderCreated event = OrderCreated.of(order.path("orderId").asString(), order.path("userId").asLong(),
                order.path("productId").asLong(), order.path("quantity").asInt(), order.path("amountCents").asLong(),
                Instant.parse(order.path("createdAt").asString()));
        DefaultMQProducer producer = new DefaultMQProducer("txlab-it-replayer");
        producer.setNamesrvAddr(platform.stack().namesrvAddr());
        producer.start();
        try {
            Message message = new Message(Topics.ORDER_EVENTS, OrderCreated.TYPE, event.orderId(),
                    new JsonCodec().encode(event));
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }

    private static int duplicates(Platform platform, Service service, String orderId) {
        return platform.db(service).sql("SELECT COALESCE(SUM(duplicates), 0) FROM consumed_message WHERE order_id = :orderId")
                .param("orderId", orderId).query(Integer.class).single();
    }

    private static Reply get(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
