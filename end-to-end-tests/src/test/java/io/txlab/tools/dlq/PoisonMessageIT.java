package io.txlab.tools.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Topics;
import io.txlab.contracts.timeline.Steps;
import io.txlab.support.json.JsonCodec;
import io.txlab.tools.client.PlatformClient;
import io.txlab.e2e.support.Ledger;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.deadletter.DeadLetter;
import io.txlab.deadletter.DeadLetterQueues;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Poison messages on the real broker, among good ones: a body that is no JSON, an unknown event type and an
 * OrderCreated of version 99 on every queue of the order events topic, between real orders' OrderCreated, and
 * an OrderCancelled of version 99. The services' consumers park each poison message in their group's DLQ at
 * its first delivery, record why, and consume every good message.
 */
@ExtendWith(PlatformExtension.class)
class PoisonMessageIT {

    private static final long PRODUCT = 4;
    private static final Duration CONVERGED = Duration.ofSeconds(45);
    private static final Duration PARKED = Duration.ofSeconds(60);
    /** A parked first delivery: the broker stores the DLQ copy with reconsumeTimes + 1. */
    private static final int PARKED_AT_FIRST_DELIVERY = 1;

    private final JsonCodec codec = new JsonCodec();

    /** What was sent, by the id a consumer sees (the producer's UNIQ_KEY). */
    private record Sent(String msgId, String reason) {
    }

    @Test
    void poisonMessagesAreParkedInTheirGroupsDlqAtTheirFirstDeliveryAndTheGoodOnesAroundThemAreConsumed(
            PlatformClient api, Platform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DefaultMQProducer producer = new DefaultMQProducer("txlab-it-poison-" + run);
        producer.setNamesrvAddr(platform.stack().namesrvAddr());
        producer.start();
        List<String> orders = new ArrayList<>();
        List<Sent> orderCreatedPoison = new ArrayList<>();
        Sent cancelPoison;
        try {
            orders.add(place(api, 21));
            // Every queue gets each kind, so each good OrderCreated placed after them queues behind poison.
            for (MessageQueue queue : producer.fetchPublishMessageQueues(Topics.ORDER_EVENTS)) {
                orderCreatedPoison.add(send(producer, queue, OrderCreated.TYPE, "poison-garbage-" + run,
                        OrderCreated.TYPE, "\u0000\u0001 no json {".getBytes(StandardCharsets.UTF_8),
                        "[parked: unreadable payload] "));
                String unknownKey = "poison-unknown-" + run;
                orderCreatedPoison.add(send(producer, queue, OrderCreated.TYPE, unknownKey, "OrderShipped",
                        ("{\"type\":\"OrderShipped\",\"version\":1,\"orderId\":\"" + unknownKey + "\"}")
                                .getBytes(StandardCharsets.UTF_8), "[parked: unknown type OrderShipped] "));
                // A newer version of a real order's event: parked, so that order's timeline shows it.
                orderCreatedPoison.add(send(producer, queue, OrderCreated.TYPE, orders.get(0), OrderCreated.TYPE,
                        codec.encode(new OrderCreated(OrderCreated.TYPE, 99, orders.get(0), 21, PRODUCT, 1, 1990,
                                Instant.now(), null)), "[parked: version 99 newer than known 2] "));
            }
            String cancelKey = "poison-cancel-" + run;
            cancelPoison = send(producer, null, OrderCancelled.TYPE, cancelKey, OrderCancelled.TYPE,
                    codec.encode(new OrderCancelled(OrderCancelled.TYPE, 99, cancelKey, "TEST", Instant.now())),
                    "[parked: version 99 newer than known 1] ");
            for (long user = 22; user <= 24; user++) {
                orders.add(place(api, user));
            }
        } finally {
            producer.shutdown();
        }

        // Every good message consumed: each order confirmed, its stock deducted once, its dedup rows written.
        Ledger ledger = new Ledger(platform);
        for (String orderId : orders) {
            await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
            assertThat(ledger.movements(Service.INVENTORY, orderId)).containsExactly("DEDUCT");
            assertThat(consumed(platform, Service.PAYMENT, "OrderCreated:" + orderId)).isOne();
        }

        // Every poison message in its group's DLQ, read as scripts/dlq.sh reads it, from its first delivery.
        DeadLetterQueues queues = new DeadLetterQueues(platform.stack().namesrvAddr());
        assertParked(queues, ConsumerGroups.INVENTORY, orderCreatedPoison);
        assertParked(queues, ConsumerGroups.PAYMENT, orderCreatedPoison);
        assertParked(queues, ConsumerGroups.INVENTORY_COMPENSATION, List.of(cancelPoison));
        assertParked(queues, ConsumerGroups.PAYMENT_COMPENSATION, List.of(cancelPoison));

        // Each delivery recorded with its reason, once: parked, never retried.
        assertRecorded(platform, Service.INVENTORY, orderCreatedPoison);
        assertRecorded(platform, Service.PAYMENT, orderCreatedPoison);
        assertRecorded(platform, Service.INVENTORY, List.of(cancelPoison));
        assertRecorded(platform, Service.PAYMENT, List.of(cancelPoison));
        assertThat(ledger.part(Service.INVENTORY, "poison-cancel-" + run)).as("no barrier for a parked cancel")
                .isEmpty();

        List<JsonNode> timeline = new ArrayList<>();
        api.timeline(orders.get(0)).body().path("entries").forEach(timeline::add);
        for (String participant : List.of("inventory", "payment")) {
            assertThat(timeline).filteredOn(entry -> entry.path("service").asString().equals(participant)
                            && entry.path("step").asString().equals(Steps.PARKED))
                    .hasSizeGreaterThanOrEqualTo(4)
                    .allMatch(entry -> entry.path("detail").asString().contains("version 99 newer than known 2"));
        }

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String listing = dlqToolList(platform, ConsumerGroups.INVENTORY, Map.of(), err);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(listing).contains("parked at once (reconsumeTimes 1): unreadable payload: ",
                "parked at once (reconsumeTimes 1): unknown type OrderShipped: ",
                "parked at once (reconsumeTimes 1): version 99 newer than known 2: ");

        ByteArrayOutputStream noDatabase = new ByteArrayOutputStream();
        String withoutReasons = dlqToolList(platform, ConsumerGroups.INVENTORY,
                Map.of("TXLAB_MYSQL_URL", "jdbc:mysql://127.0.0.1:1"), noDatabase);
        assertThat(withoutReasons).as("the letters, without their reasons").contains("poison-garbage-" + run)
                .doesNotContain("parked at once");
        assertThat(noDatabase.toString(StandardCharsets.UTF_8))
                .startsWith("why a letter was parked is not shown: cannot read delivery_failure on jdbc:mysql://127.0.0.1:1");
    }

    private static String place(PlatformClient api, long user) {
        return api.placeOrder(UUID.randomUUID().toString(), user, PRODUCT, 1).text("orderId");
    }

    /** @param queue null: any queue */
    private static Sent send(DefaultMQProducer producer, MessageQueue queue, String tag, String key, String eventType,
                             byte[] body, String reason) throws Exception {
        Message message = new Message(Topics.ORDER_EVENTS, tag, key, body);
        message.putUserProperty("eventType", eventType);
        SendResult result = queue == null ? producer.send(message) : producer.send(message, queue);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        return new Sent(result.getMsgId(), reason);
    }

    private static int consumed(Platform platform, Service service, String dedupKey) {
        return platform.db(service).sql("SELECT COUNT(*) FROM consumed_message WHERE dedup_key = :key")
                .param("key", dedupKey).query(Integer.class).single();
    }

    private static void assertParked(DeadLetterQueues queues, String group, List<Sent> poison) {
        List<String> ids = poison.stream().map(Sent::msgId).toList();
        await().atMost(PARKED).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            List<DeadLetter> letters = queues.list(group).stream()
                    .filter(letter -> ids.contains(letter.clientMsgId())).toList();
            assertThat(letters).extracting(DeadLetter::clientMsgId).containsAll(ids);
            assertThat(letters).as("parked at the first delivery, not after %s", "the group's redeliveries")
                    .allMatch(letter -> letter.reconsumeTimes() == PARKED_AT_FIRST_DELIVERY);
        });
    }

    /** The service records a parked message right after the broker took it. */
    private static void assertRecorded(Platform platform, Service service, List<Sent> poison) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (Sent sent : poison) {
                List<Map<String, Object>> rows = platform.db(service)
                        .sql("SELECT reconsume_times, error FROM delivery_failure WHERE msg_id = :msgId")
                        .param("msgId", sent.msgId()).query().listOfRows();
                assertThat(rows).as("%s's record of %s", service, sent).isNotEmpty().allSatisfy(row -> {
                    assertThat(((Number) row.get("reconsume_times")).intValue()).isZero();
                    assertThat((String) row.get("error")).startsWith(sent.reason());
                });
            }
        });
    }

    /** scripts/dlq.sh list GROUP, against the test platform's broker and schemas, with {@code overrides}. */
    private static String dlqToolList(Platform platform, String group, Map<String, String> overrides,
                                      ByteArrayOutputStream err) {
        Map<String, String> env = new HashMap<>(platform.stack().environment());
        env.put("TXLAB_ORDER_SCHEMA", platform.schema(Service.ORDER));
        env.put("TXLAB_INVENTORY_SCHEMA", platform.schema(Service.INVENTORY));
        env.put("TXLAB_PAYMENT_SCHEMA", platform.schema(Service.PAYMENT));
        env.putAll(overrides);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new DeadLetterMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"list", group}, env);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(DeadLetterMain.OK);
        return out.toString(StandardCharsets.UTF_8);
    }
}
