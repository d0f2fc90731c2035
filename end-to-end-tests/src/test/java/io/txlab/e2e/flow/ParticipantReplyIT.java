package io.txlab.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.PlatformClient;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A participant's reply is a plain message sent after its commit and before its acknowledgement: a reply
 * lost in between is sent again from the stored outcome when the broker redelivers the event.
 */
@ExtendWith(PlatformExtension.class)
class ParticipantReplyIT {

    private static final long PRODUCT = 2;
    private static final Duration CONVERGED = Duration.ofSeconds(45);

    @Test
    void aReplyLostAfterTheCommitIsSentAgainFromTheStoredOutcomeAndAppliedOnce(PlatformClient api,
                                                                             Platform platform) {
        int stockBefore = api.available(PRODUCT);
        platform.faults(Service.INVENTORY).arm(FaultPoint.BEFORE_REPLY, FaultAction.throwTimes(1));

        String orderId = api.placeOrder(UUID.randomUUID().toString(), 7, PRODUCT, 1).text("orderId");

        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        assertThat(platform.db(Service.INVENTORY)
                .sql("SELECT duplicates FROM consumed_message WHERE order_id = :orderId")
                .param("orderId", orderId).query(Integer.class).single())
                .as("the redelivery found the dedup row").isEqualTo(1);
        assertThat(platform.db(Service.ORDER)
                .sql("SELECT COUNT(*) FROM consumed_message WHERE dedup_key = :key")
                .param("key", "ParticipantReplied:inventory:" + orderId).query(Integer.class).single())
                .as("the order service recorded inventory's reply once").isEqualTo(1);
        assertThat(api.available(PRODUCT)).as("one deduction").isEqualTo(stockBefore - 1);
        assertThat(platform.db(Service.INVENTORY).sql("SELECT COUNT(*) FROM tx_log WHERE order_id = :orderId")
                .param("orderId", orderId).query(Integer.class).single())
                .as("a participant's reply is no half message").isZero();
    }
}
