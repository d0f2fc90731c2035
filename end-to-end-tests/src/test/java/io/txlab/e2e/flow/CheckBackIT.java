package io.txlab.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.devstack.BrokerTransactionSettings;
import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The broker's transaction check-back, answered from the order service's database. */
@ExtendWith(PlatformExtension.class)
class CheckBackIT {

    private static final long PRODUCT = 2;
    private static final Duration CONVERGED = Duration.ofSeconds(45);

    @Test
    void anUnknownLocalAnswerIsCheckedBackCommittedAndConsumedOnce(PlatformClient api, Platform platform) {
        int stockBefore = api.available(PRODUCT);
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(1));

        Reply placed = api.placeOrder(UUID.randomUUID().toString(), 2, PRODUCT, 1);

        assertThat(placed.status()).isEqualTo(202);
        String orderId = placed.text("orderId");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        JsonNode checkBacks = api.checkBacks(orderId);
        assertThat(checkBacks.size()).isGreaterThanOrEqualTo(1);
        assertThat(checkBacks.get(0).path("answer").asString()).isEqualTo("COMMIT");
        assertThat(checkBacks.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(checkBacks.get(0).path("instance").asString()).startsWith("order@");
        assertThat(consumptions(platform, Service.INVENTORY, orderId)).isEqualTo(1);
        assertThat(consumptions(platform, Service.PAYMENT, orderId)).isEqualTo(1);
        assertThat(api.available(PRODUCT)).isEqualTo(stockBefore - 1);
    }

    @Test
    void aHalfMessageWhoseLocalTransactionNeverRanIsRolledBackAndNeverSeen(PlatformClient api, Platform platform) {
        platform.faults(Service.ORDER).arm(FaultPoint.BEFORE_LOCAL_TX, FaultAction.unknown(1));

        Reply placed = api.placeOrder(UUID.randomUUID().toString(), 3, PRODUCT, 1);

        assertThat(placed.status()).isEqualTo(503);
        String orderId = placed.text("orderId");
        await().atMost(CONVERGED).until(() -> api.checkBacks(orderId).toString().contains("\"ROLLBACK\""));
        assertThat(api.order(orderId).status()).isEqualTo(404);
        // A later order on the same topic is delivered and confirmed; the rolled-back one never was.
        String sentinel = api.placeOrder(UUID.randomUUID().toString(), 3, PRODUCT, 1).text("orderId");
        await().atMost(CONVERGED).until(() -> api.orderStatus(sentinel).equals("CONFIRMED"));
        assertThat(consumptions(platform, Service.INVENTORY, orderId)).isZero();
        assertThat(consumptions(platform, Service.PAYMENT, orderId)).isZero();
    }

    @Test
    void aCheckBackDuringAnInFlightLocalTransactionWaitsForItsCommit(PlatformClient api, Platform platform) {
        int stockBefore = api.available(PRODUCT);
        // longer than the broker's immunity plus two scans, so that a check-back surely arrives meanwhile
        Duration inFlight = Duration.ofMillis(BrokerTransactionSettings.TRANSACTION_TIMEOUT_MS
                + 2 * BrokerTransactionSettings.TRANSACTION_CHECK_INTERVAL_MS + 1_000);
        platform.faults(Service.ORDER).arm(FaultPoint.IN_LOCAL_TX, FaultAction.delay(inFlight));

        Reply placed = api.placeOrder(UUID.randomUUID().toString(), 4, PRODUCT, 1);

        assertThat(placed.status()).isEqualTo(202);
        String orderId = placed.text("orderId");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        Instant localTxStart = platform.db(Service.ORDER)
                .sql("SELECT created_at FROM tx_log WHERE order_id = :orderId")
                .param("orderId", orderId).query(Timestamp.class).single().toInstant();
        Instant localCommitEarliest = localTxStart.plus(inFlight);
        JsonNode first = api.checkBacks(orderId).get(0);
        assertThat(first).as("a check-back arrived while the local transaction was in flight").isNotNull();
        assertThat(Instant.parse(first.path("receivedAt").asString())).isBefore(localCommitEarliest);
        assertThat(Instant.parse(first.path("answeredAt").asString()))
                .isAfterOrEqualTo(localCommitEarliest.minusMillis(50));
        assertThat(first.path("answer").asString()).isEqualTo("COMMIT");
        // Checks queued while the transaction was in flight each answer COMMIT, and the broker may deliver
        // the message once per COMMIT: whatever it delivers, the stock moves once.
        assertThat(api.available(PRODUCT)).isEqualTo(stockBefore - 1);
        assertThat(consumptions(platform, Service.INVENTORY, orderId)).isEqualTo(1);
    }

    static int consumptions(Platform platform, Service service, String orderId) {
        return platform.db(service).sql("SELECT COUNT(*) FROM consumed_message WHERE order_id = :orderId")
                .param("orderId", orderId).query(Integer.class).single();
    }
}
