package io.txlab.e2e.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.e2e.support.RawHttp;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A demo-like run (a confirmed order, a declined one with its compensation, an UNKNOWN answered by a check-back,
 * a flash-sale purchase), then /actuator/prometheus of each service: the domain meters are there, and non-zero
 * where the run exercised them (docs/metrics.md).
 */
@ExtendWith(PlatformExtension.class)
class PrometheusMetricsIT {

    private static final long PRODUCT = 2;
    private static final long FLASH_PRODUCT = 6;
    /** Users 91..100 hold 5.00: payment refuses them, and the order is cancelled. */
    private static final long POOR_USER = 93;
    private static final Duration CONVERGED = Duration.ofSeconds(45);

    @Test
    void theDomainMetersCountWhatADemoDid(PlatformClient api, Platform platform) {
        String confirmed = place(api, 1);
        String declined = place(api, POOR_USER);
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(1));
        String checkedBack = place(api, 3);
        String saleId = api.createFlashSale(Platform.ADMIN_TOKEN, FLASH_PRODUCT, 3, Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(600)).text("saleId");
        Reply purchase = api.purchase(saleId, UUID.randomUUID().toString(), 1951);
        assertThat(purchase.status()).as(purchase.describe()).isEqualTo(202);

        await().atMost(CONVERGED).until(() -> api.orderStatus(confirmed).equals("CONFIRMED")
                && api.orderStatus(declined).equals("CANCELLED") && api.orderStatus(checkedBack).equals("CONFIRMED")
                && api.flashSaleSettled(saleId));
        // the inventory's release of the declined order's stock is its compensation
        await().atMost(CONVERGED).until(() -> scrape(platform, Service.INVENTORY).sum("txlab_compensations_total",
                Map.of("kind", "UNDONE")) > 0);

        PrometheusScrape order = scrape(platform, Service.ORDER);
        assertThat(order.contentType()).startsWith("text/plain");
        assertThat(order.sum("txlab_half_messages_total", Map.of("event", "OrderCreated", "outcome", "COMMITTED")))
                .isGreaterThanOrEqualTo(4);
        assertThat(order.sum("txlab_half_messages_total", Map.of("event", "OrderCancelled"))).isPositive();
        assertThat(order.sum("txlab_check_backs_total", Map.of("answer", "COMMIT"))).isPositive();
        assertThat(order.sum("txlab_consumptions_total", Map.of("group", ConsumerGroups.ORDER_REPLIES))).isPositive();
        assertThat(order.sum("txlab_consumptions_total", Map.of("group", ConsumerGroups.ORDER_FLASH_PURCHASES)))
                .isPositive();
        assertThat(order.sum("txlab_flash_gate_total", Map.of("outcome", "QUEUED"))).isPositive();
        assertThat(order.sum("txlab_time_to_consistency_seconds_count", Map.of("status", "CONFIRMED"))).isPositive();
        assertThat(order.sum("txlab_time_to_consistency_seconds_count", Map.of("status", "CANCELLED"))).isPositive();
        assertThat(order.sum("txlab_outbox_unsent")).as("the gauge is there; nothing went through the outbox")
                .isZero();
        assertThat(order.sum("txlab_half_messages_total", Map.of("application", "order-service"))).isPositive();

        PrometheusScrape inventory = scrape(platform, Service.INVENTORY);
        assertThat(inventory.sum("txlab_consumptions_total", Map.of("group", ConsumerGroups.INVENTORY))).isPositive();
        assertThat(inventory.sum("txlab_consumptions_total", Map.of("group", ConsumerGroups.INVENTORY_COMPENSATION)))
                .isPositive();
        assertThat(inventory.sum("txlab_compensations_total", Map.of("participant", "inventory", "kind", "UNDONE")))
                .isPositive();

        PrometheusScrape payment = scrape(platform, Service.PAYMENT);
        assertThat(payment.sum("txlab_consumptions_total", Map.of("group", ConsumerGroups.PAYMENT))).isPositive();
        assertThat(payment.sum("txlab_compensations_total", Map.of("participant", "payment", "kind",
                "NOTHING_APPLIED"))).as("payment declined the order: nothing to refund").isPositive();
        assertThat(payment.sum("jvm_memory_used_bytes")).as("the JVM's own meters too").isPositive();
    }

    /** The JSON-only screen lets the scrape ask for text, and still refuses text anywhere else. */
    @Test
    void theScrapeTakesPrometheusTextAndTheRestOfTheApiStaysJson(Platform platform) throws Exception {
        assertThat(scrape(platform, Service.PAYMENT).text()).contains("# TYPE jvm_threads_live_threads gauge");

        RawHttp.Response asText = RawHttp.send(platform.port(Service.ORDER),
                RawHttp.Request.of("GET", "/api/orders/o-1").header("Accept", "text/plain"));
        assertThat(asText.status()).isEqualTo(406);
        assertThat(asText.header("Content-Type")).contains("application/problem+json");
    }

    private static String place(PlatformClient api, long userId) {
        Reply placed = api.placeOrder(UUID.randomUUID().toString(), userId, PRODUCT, 1);
        assertThat(placed.status()).as(placed.describe()).isEqualTo(202);
        return placed.text("orderId");
    }

    private static PrometheusScrape scrape(Platform platform, Service service) {
        PrometheusScrape scrape = PrometheusScrape.of(platform.port(service));
        assertThat(scrape.status()).as(service + " /actuator/prometheus").isEqualTo(200);
        return scrape;
    }
}
