package io.txlab.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Topics;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.support.json.JsonCodec;
import io.txlab.tools.client.FaultArming;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The read APIs behind the reviewers' console, on the running platform. */
@ExtendWith(PlatformExtension.class)
class ConsoleApiIT {

    private static final long PRODUCT = 4;
    private static final Duration CONVERGED = Duration.ofSeconds(45);

    @AfterEach
    void disarm(Platform platform) {
        platform.disarmAllFaults();
    }

    @Test
    void theOrderListPagesNewestFirstByStatusEachOrderOnce(PlatformClient api) {
        // whole seconds: MariaDB keeps no fraction of the creation time
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        List<String> placed = new ArrayList<>();
        for (long user = 40; user <= 42; user++) {
            placed.add(api.placeOrder(UUID.randomUUID().toString(), user, PRODUCT, 1).text("orderId"));
        }
        placed.forEach(orderId -> await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED")));

        List<JsonNode> listed = allPages(api, "status=confirmed&since=" + before + "&limit=2");

        assertThat(listed).extracting(order -> order.path("orderId").asString()).containsAll(placed).doesNotHaveDuplicates();
        assertThat(listed).extracting(order -> order.path("status").asString()).containsOnly("CONFIRMED");
        assertThat(listed).isSortedAccordingTo(Comparator.<JsonNode, Instant>comparing(
                        order -> Instant.parse(order.path("createdAt").asString()))
                .thenComparing(order -> order.path("orderId").asString()).reversed());
        assertThat(listed).allSatisfy(order -> assertThat(Instant.parse(order.path("createdAt").asString()))
                .isAfterOrEqualTo(before));
    }

    @Test
    void aBadListParameterIsAProblemNamingIt(PlatformClient api) {
        assertNamed(api.read("order", "/api/orders?status=SHIPPED"), "status");
        assertNamed(api.read("order", "/api/orders?limit=501"), "limit");
        assertNamed(api.read("order", "/api/orders?limit=0"), "limit");
        assertNamed(api.read("order", "/api/orders?since=yesterday"), "since");
        assertNamed(api.read("order", "/api/orders?cursor=bm90LWEtY3Vyc29y"), "cursor");
        assertNamed(api.read("order", "/api/orders?status=STUCK&stuckSeconds=-5"), "stuckSeconds");
        assertNamed(api.read("order", "/api/transactions/in-flight?limit=x"), "limit");
        assertNamed(api.read("order", "/api/transactions/checkbacks?until=tomorrow"), "until");
    }

    @Test
    void anUndecidedHalfMessageIsInFlightUntilACheckBackDecidesIt(PlatformClient api, Platform platform) {
        Instant before = Instant.now().minusSeconds(1);
        platform.faults(Service.ORDER).arm(FaultPoint.BEFORE_LOCAL_TX, FaultAction.unknown(1));
        platform.faults(Service.ORDER).arm(FaultPoint.CHECK_BACK, FaultAction.unknown(FaultAction.ALWAYS));

        Reply placed = api.placeOrder(UUID.randomUUID().toString(), 43, PRODUCT, 1);
        String orderId = placed.text("orderId");
        assertThat(placed.status()).isEqualTo(503);

        await().atMost(CONVERGED).until(() -> attemptsInFlight(api, orderId) >= 2);
        JsonNode inFlight = inFlight(api, orderId);
        assertThat(inFlight.path("eventType").asString()).isEqualTo("OrderCreated");
        assertThat(inFlight.path("ageMillis").asLong()).isPositive();
        assertThat(checkBacks(api, "answer=UNKNOWN&since=" + before, orderId)).isNotEmpty();

        platform.faults(Service.ORDER).disarm(FaultPoint.CHECK_BACK);

        await().atMost(CONVERGED).until(() -> attemptsInFlight(api, orderId) == 0);
        List<JsonNode> decided = checkBacks(api, "answer=ROLLBACK&since=" + before, orderId);
        assertThat(decided).hasSize(1);
        Instant decidedAt = Instant.parse(decided.get(0).path("answeredAt").asString());
        assertThat(checkBacks(api, "since=" + before + "&until=" + decidedAt, orderId))
                .extracting(checkBack -> checkBack.path("answer").asString()).containsOnly("UNKNOWN");
        assertThat(api.order(orderId).status()).isEqualTo(404);
    }

    @Test
    void theConsoleGathersTheCheckBacksOfAllThreeServicesFilteredByAnswer(PlatformClient api, Platform platform) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        String orderId = api.placeOrder(UUID.randomUUID().toString(), 44, PRODUCT, 1).text("orderId");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        // The participants publish no half message of their own today: one of their check-backs, as recorded
        platform.db(Service.INVENTORY).sql("""
                        INSERT INTO check_back (tx_id, order_id, event_type, attempt, answer, instance, received_at,
                                                checked_at)
                        VALUES (:txId, :orderId, 'OrderCancelled', 1, 'UNKNOWN', 'inventory@console-it', :at, :at)
                        """)
                .param("txId", UUID.randomUUID().toString()).param("orderId", orderId)
                .param("at", java.sql.Timestamp.from(Instant.now())).update();

        Reply all = api.read("order", "/api/console/checkbacks?since=" + before);
        assertThat(all.status()).as(all.describe()).isEqualTo(200);
        assertThat(all.body().path("unavailable").size()).isZero();
        List<JsonNode> ofOrder = ofOrder(all.body().path("checkBacks"), orderId);
        assertThat(ofOrder).extracting(checkBack -> checkBack.path("service").asString() + " "
                + checkBack.path("answer").asString()).containsExactlyInAnyOrder("order COMMIT", "inventory UNKNOWN");
        assertThat(all.body().path("checkBacks").valueStream().toList())
                .isSortedAccordingTo(Comparator.<JsonNode, Instant>comparing(
                        checkBack -> Instant.parse(checkBack.path("answeredAt").asString())).reversed());

        Reply unknowns = api.read("order", "/api/console/checkbacks?answer=unknown&since=" + before);
        assertThat(unknowns.body().path("checkBacks").valueStream().map(c -> c.path("answer").asString()))
                .containsOnly("UNKNOWN");
        assertThat(ofOrder(unknowns.body().path("checkBacks"), orderId)).extracting(c -> c.path("service").asString())
                .containsExactly("inventory");
        assertNamed(api.read("order", "/api/console/checkbacks?answer=MAYBE&limit=0"), "answer");
        assertNamed(api.read("order", "/api/console/checkbacks?answer=MAYBE&limit=0"), "limit");
    }

    @Test
    void aParkedMessageIsListedInItsGroupsDeadLettersAndReplayedWithTheAdminToken(PlatformClient api,
            Platform platform) throws Exception {
        String key = "console-dead-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultMQProducer producer = new DefaultMQProducer("txlab-it-console-" + key);
        producer.setNamesrvAddr(platform.stack().namesrvAddr());
        producer.start();
        try {
            // an OrderCancelled of a version no consumer reads: both compensation groups park it at once
            Message message = new Message(Topics.ORDER_EVENTS, OrderCancelled.TYPE, key, new JsonCodec().encode(
                    new OrderCancelled(OrderCancelled.TYPE, 99, key, "TEST", Instant.now())));
            message.putUserProperty("eventType", OrderCancelled.TYPE);
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
        String group = ConsumerGroups.INVENTORY_COMPENSATION;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetter(api, group, key) != null);
        JsonNode letter = deadLetter(api, group, key);
        assertThat(letter.path("eventType").asString()).isEqualTo(OrderCancelled.TYPE);
        assertThat(letter.path("replayed").asBoolean()).isFalse();

        Reply refused = api.asAdmin("order", "POST", "not-the-admin-token", "/api/console/dead-letters/" + group + "/replay", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(deadLetter(api, group, key).path("replayed").asBoolean()).isFalse();

        Reply replayed = api.asAdmin("order", "POST", Platform.ADMIN_TOKEN, "/api/console/dead-letters/" + group + "/replay", null);
        assertThat(replayed.status()).as(replayed.describe()).isEqualTo(200);
        assertThat(replayed.body().path("replayed").valueStream().map(l -> l.path("orderId").asString()))
                .contains(key);
        assertThat(deadLetter(api, group, key).path("replayed").asBoolean()).isTrue();
        assertNamed(api.read("order", "/api/console/dead-letters?group=txlab-nobody"), "group");
    }

    @Test
    void theFlashSaleListShowsEachSalesUnitsInRedisAndInTheDatabase(PlatformClient api) {
        String saleId = api.createFlashSale(Platform.ADMIN_TOKEN, 6, 5, Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(3600)).text("saleId");
        assertThat(api.purchase(saleId, UUID.randomUUID().toString(), 2990).status()).isEqualTo(202);
        await().atMost(CONVERGED).until(() -> api.flashSaleSettled(saleId));

        Reply list = api.read("order", "/api/flash-sales?limit=100");

        assertThat(list.status()).as(list.describe()).isEqualTo(200);
        JsonNode sale = list.body().valueStream().filter(s -> s.path("saleId").asString().equals(saleId))
                .findFirst().orElseThrow();
        assertThat(sale.path("units").asInt()).isEqualTo(5);
        assertThat(sale.path("redis").asString()).isEqualTo("ok");
        assertThat(sale.path("redisRemaining").asInt()).isEqualTo(4);
        assertThat(sale.path("databaseRemaining").asInt()).isEqualTo(4);
        assertThat(sale.path("orders").path("confirmed").asInt()).isEqualTo(1);
        assertNamed(api.read("order", "/api/flash-sales?limit=101"), "limit");
    }

    @Test
    void aParticipantsFaultPointIsArmedAndDisarmedThroughTheOrderService(PlatformClient api, Platform platform) {
        String faults = "/api/console/faults/payment";
        assertThat(api.asAdmin("order", "GET", "not-the-admin-token", faults, null).status()).isEqualTo(401);

        Reply armed = api.asAdmin("order", "POST", Platform.ADMIN_TOKEN, faults,
                FaultArming.body("payment.before-reply", FaultAction.throwTimes(2)));
        assertThat(armed.status()).as(armed.describe()).isEqualTo(201);
        assertThat(platform.faults(Service.PAYMENT).armed()).containsKey("payment.before-reply");
        Reply listed = api.asAdmin("order", "GET", Platform.ADMIN_TOKEN, faults, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().toString()).contains("payment.before-reply");

        Reply disarmed = api.asAdmin("order", "DELETE", Platform.ADMIN_TOKEN, faults + "/payment.before-reply", null);
        assertThat(disarmed.status()).as(disarmed.describe()).isLessThan(300);
        assertThat(platform.faults(Service.PAYMENT).armed()).isEmpty();
        assertThat(api.asAdmin("order", "GET", Platform.ADMIN_TOKEN, "/api/console/faults/shipping", null).status())
                .isEqualTo(400);
    }

    private static JsonNode deadLetter(PlatformClient api, String group, String orderId) {
        Reply reply = api.read("order", "/api/console/dead-letters?group=" + group);
        assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
        // the first parking of the letter: a replay parks it again, as a new dead letter
        return reply.body().path(group).valueStream().filter(l -> l.path("orderId").asString().equals(orderId))
                .findFirst().orElse(null);
    }

    private static List<JsonNode> ofOrder(JsonNode checkBacks, String orderId) {
        return checkBacks.valueStream().filter(c -> c.path("orderId").asString().equals(orderId)).toList();
    }

    static void assertNamed(Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.describe()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("parameters").toString()).as(reply.describe()).contains("\"" + parameter + "\"");
    }

    private static List<JsonNode> allPages(PlatformClient api, String query) {
        List<JsonNode> orders = new ArrayList<>();
        String cursor = "";
        do {
            Reply page = api.read("order", "/api/orders?" + query + cursor);
            assertThat(page.status()).as(page.describe()).isEqualTo(200);
            assertThat(page.body().path("orders").size()).isLessThanOrEqualTo(2);
            page.body().path("orders").forEach(orders::add);
            JsonNode next = page.body().path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : "&cursor=" + next.asString();
        } while (cursor != null);
        return orders;
    }

    private static int attemptsInFlight(PlatformClient api, String orderId) {
        JsonNode found = inFlight(api, orderId);
        return found == null ? 0 : found.path("attempts").asInt();
    }

    private static JsonNode inFlight(PlatformClient api, String orderId) {
        Reply reply = api.read("order", "/api/transactions/in-flight?since=PT10M");
        assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
        for (JsonNode tx : reply.body()) {
            if (tx.path("orderId").asString().equals(orderId)) {
                return tx;
            }
        }
        return null;
    }

    static List<JsonNode> checkBacks(PlatformClient api, String query, String orderId) {
        Reply reply = api.read("order", "/api/transactions/checkbacks?" + query);
        assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        reply.body().forEach(checkBack -> {
            if (checkBack.path("orderId").asString().equals(orderId)) {
                found.add(checkBack);
            }
        });
        return found;
    }
}
