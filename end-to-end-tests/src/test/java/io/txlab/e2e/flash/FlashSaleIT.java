package io.txlab.e2e.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The flash-sale gate on the real stack: Redis gate, rate limits, transactional orders, inventory's allocation. */
@ExtendWith(PlatformExtension.class)
class FlashSaleIT {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleIT.class);
    private static final long PRODUCT = 6;
    /** Users 91..100 hold 5.00: payment refuses them, and the order is cancelled. */
    private static final long POOR_USER = 95;

    @Test
    void aStormOfBuyersGetsExactlyTheUnitsOneEachAndNoMore(PlatformClient api, Platform platform) throws Exception {
        String saleId = openSale(api, 50);
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        Map<Long, AtomicInteger> acceptedPerUser = new ConcurrentHashMap<>();
        List<Future<?>> requests = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        try {
            for (int round = 0; round < 4; round++) {
                for (long user = 1001; user <= 1500; user++) {
                    long buyer = user;
                    requests.add(clients.submit(() -> {
                        Reply reply = api.purchase(saleId, UUID.randomUUID().toString(), buyer);
                        synchronized (statuses) {
                            statuses.computeIfAbsent(reply.status(), status -> new AtomicInteger()).incrementAndGet();
                        }
                        if (reply.status() == 202) {
                            acceptedPerUser.computeIfAbsent(buyer, b -> new AtomicInteger()).incrementAndGet();
                        }
                    }));
                }
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            clients.shutdown();
        }
        log.info("storm: {} purchase requests answered {}", requests.size(), statuses);

        assertThat(requests).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(statuses.get(202)).hasValue(50);
        assertThat(statuses.keySet()).isSubsetOf(202, 409, 429);
        assertThat(acceptedPerUser.values()).allMatch(count -> count.get() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.flashSaleSettled(saleId));
        Reply state = api.flashSale(saleId);
        assertThat(state.body().path("orders").path("confirmed").asInt()).isEqualTo(50);
        assertThat(state.body().path("redisRemaining").asInt()).isZero();
        assertThat(allocationRemaining(platform, saleId)).isZero();
        assertThat(platform.db(Service.ORDER).sql("""
                SELECT COUNT(*) FROM (SELECT user_id FROM orders WHERE sale_id = :saleId AND status <> 'CANCELLED'
                GROUP BY user_id HAVING COUNT(*) > 1) twice
                """).param("saleId", saleId).query(Integer.class).single()).isZero();
    }

    @Test
    void aCancelledFlashOrderGivesItsUnitBackOnceAndALaterBuyerGetsIt(PlatformClient api, Platform platform) {
        String saleId = openSale(api, 1);
        String refused = api.purchase(saleId, UUID.randomUUID().toString(), POOR_USER).text("orderId");
        assertThat(api.purchase(saleId, UUID.randomUUID().toString(), 1601).status())
                .as("the only unit is held by the poor user's order").isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(refused).equals("CANCELLED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.flashSale(saleId).body().path("redisRemaining").asInt() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> allocationRemaining(platform, saleId) == 1);
        int stockBefore = api.available(PRODUCT);

        Reply later = api.purchase(saleId, UUID.randomUUID().toString(), 1602);
        assertThat(later.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(later.text("orderId")).equals("CONFIRMED"));
        assertThat(api.flashSale(saleId).body().path("redisRemaining").asInt()).isZero();
        assertThat(allocationRemaining(platform, saleId)).isZero();
        assertThat(api.available(PRODUCT)).as("the sale's units never return to normal stock").isEqualTo(stockBefore);
        assertThat(api.reconcileFlashSale(Platform.ADMIN_TOKEN, saleId).body().path("changes")).isEmpty();
    }

    @Test
    void redisRestartedMidSaleLosesItsStateAndReconciliationLoadsItAgainWithoutOverselling(PlatformClient api,
                                                                                        Platform platform) {
        String saleId = openSale(api, 20);
        List<String> firstOrders = new ArrayList<>();
        for (long user = 1701; user <= 1710; user++) {
            firstOrders.add(api.purchase(saleId, UUID.randomUUID().toString(), user).text("orderId"));
        }
        // purchases are placed from the queue: this test is about orders Redis forgets, so they must exist first
        await().atMost(Duration.ofSeconds(30)).until(() -> firstOrders.stream()
                .allMatch(orderId -> api.order(orderId).status() == 200));

        platform.stack().control("redis", false);
        platform.stack().control("redis", true);
        Reply during = api.purchase(saleId, UUID.randomUUID().toString(), 1720);
        log.info("right after the Redis restart a purchase got HTTP {}: {}", during.status(), during.body());
        assertThat(during.status()).isIn(202, 503);

        await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(api.flashSale(saleId).text("redis")));
        int again = 0;
        for (long user = 1701; user <= 1760; user++) {
            Reply reply = api.purchase(saleId, UUID.randomUUID().toString(), user);
            again += reply.status() == 202 ? 1 : 0;
            if (user <= 1710) {
                assertThat(reply.status()).as("user %s bought before the restart", user).isEqualTo(409);
            }
        }
        assertThat(again + (during.status() == 202 ? 1 : 0)).isEqualTo(10);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.flashSaleSettled(saleId));
        assertThat(api.flashSale(saleId).body().path("orders").path("confirmed").asInt()).isEqualTo(20);
        assertThat(allocationRemaining(platform, saleId)).isZero();
        firstOrders.forEach(orderId -> assertThat(api.orderStatus(orderId)).isEqualTo("CONFIRMED"));
    }

    /**
     * Redis loses the sale while accepted purchases still wait in the queue (their placement is slowed): the sale is
     * not loaded again before the queue has delivered them, so no later buyer gets their units and each is placed.
     */
    @Test
    void purchasesStillQueuedWhenRedisLosesTheSaleAreAllPlacedAndTheirUnitsNotSoldAgain(PlatformClient api,
                                                                                          Platform platform) {
        String saleId = openSale(api, 6);
        platform.faults(Service.ORDER).arm(FaultPoint.FLASH_PLACEMENT, FaultAction.delay(Duration.ofMillis(1500)));
        List<String> queued = new ArrayList<>();
        for (long user = 1801; user <= 1806; user++) {
            Reply reply = api.purchase(saleId, UUID.randomUUID().toString(), user);
            assertThat(reply.status()).as("user %s", user).isEqualTo(202);
            queued.add(reply.text("orderId"));
        }
        platform.stack().control("redis", false);
        platform.stack().control("redis", true);
        platform.faults(Service.ORDER).disarm(FaultPoint.FLASH_PLACEMENT);

        AtomicInteger admittedLater = new AtomicInteger();
        long[] nextUser = {1811};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Reply reply = api.purchase(saleId, UUID.randomUUID().toString(), nextUser[0]++);
            admittedLater.addAndGet(reply.status() == 202 ? 1 : 0);
            return "ok".equals(api.flashSale(saleId).text("redis"));
        });
        for (long user = nextUser[0]; user < nextUser[0] + 10; user++) {
            admittedLater.addAndGet(api.purchase(saleId, UUID.randomUUID().toString(), user).status() == 202 ? 1 : 0);
        }

        assertThat(admittedLater.get()).as("buyers admitted after the loss, on units the queue still held").isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.flashSaleSettled(saleId));
        queued.forEach(orderId -> assertThat(api.orderStatus(orderId)).as(orderId).isEqualTo("CONFIRMED"));
        assertThat(api.flashSale(saleId).body().path("orders").path("confirmed").asInt()).isEqualTo(6);
    }

    @Test
    void theGateRefusesClearly(PlatformClient api) {
        assertThat(api.createFlashSale("wrong", PRODUCT, 5, Instant.now(), Instant.now().plusSeconds(60)).status())
                .isEqualTo(401);
        Reply invalid = api.createFlashSale(Platform.ADMIN_TOKEN, PRODUCT, 0, Instant.now().plusSeconds(60), Instant.now());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors")).hasSize(2);
        assertThat(api.createFlashSale(Platform.ADMIN_TOKEN, PRODUCT, 10_000_000 - 1, Instant.now(),
                Instant.now().plusSeconds(60)).status()).isIn(400, 409);

        Reply later = api.createFlashSale(Platform.ADMIN_TOKEN, PRODUCT, 5, Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200));
        Reply notYet = api.purchase(later.text("saleId"), UUID.randomUUID().toString(), 1801);
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.body().path("type").asString()).endsWith("/not-started");
        assertThat(api.purchase("no-such-sale", UUID.randomUUID().toString(), 1801).status()).isEqualTo(404);

        String saleId = openSale(api, 5);
        Reply bad = api.purchase(saleId, "", -1);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors")).hasSize(2);
        String requestId = UUID.randomUUID().toString();
        Reply first = api.purchase(saleId, requestId, 1802);
        Reply repeat = api.purchase(saleId, requestId, 1802);
        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).as("the same request again gets its order").isEqualTo(200);
        assertThat(repeat.text("orderId")).isEqualTo(first.text("orderId"));
        Reply secondBuy = api.purchase(saleId, UUID.randomUUID().toString(), 1802);
        assertThat(secondBuy.status()).isEqualTo(409);
        assertThat(secondBuy.body().path("type").asString()).endsWith("/already-bought");
        String normalRequest = UUID.randomUUID().toString();
        api.placeOrder(normalRequest, 1803, 4, 2);
        Reply reused = api.purchase(saleId, normalRequest, 1803);
        assertThat(reused.status()).as("a request id already used for another order").isEqualTo(409);
        assertThat(reused.body().path("type").asString()).endsWith("/request-id-conflict");
        assertThat(api.flashSale(saleId).body().path("redisRemaining").asInt()).as("its unit went back").isEqualTo(4);
    }

    @Test
    void aUserFiringTooFastIsRateLimitedWithRetryAfter(PlatformClient api) {
        String saleId = openSale(api, 5);
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(api.purchase(saleId, UUID.randomUUID().toString(), 1901));
        }
        Reply limited = replies.stream().filter(reply -> reply.status() == 429).findFirst().orElseThrow();
        assertThat(limited.retryAfter()).isEqualTo("10");
        assertThat(replies.stream().filter(reply -> reply.status() == 202)).hasSize(1);
    }

    private static String openSale(PlatformClient api, int units) {
        Reply created = api.createFlashSale(Platform.ADMIN_TOKEN, PRODUCT, units, Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(600));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("saleId");
    }

    private static int allocationRemaining(Platform platform, String saleId) {
        return platform.db(Service.INVENTORY).sql("SELECT remaining FROM flash_allocation WHERE sale_id = :saleId")
                .param("saleId", saleId).query(Integer.class).single();
    }
}
