package io.txlab.e2e.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.PlatformClient;
import io.txlab.e2e.support.Ledger;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A consumer that throws is redelivered by the broker, with backoff, and its effect is applied once. */
@ExtendWith(PlatformExtension.class)
class ConsumerRetryIT {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRetryIT.class);
    private static final Duration CONVERGED = Duration.ofSeconds(45);

    @Test
    void aConsumerThatThrowsTwiceThenSucceedsAppliesOnce(PlatformClient api, Platform platform) {
        long user = 15;
        long product = 4;
        int stockBefore = api.available(product);
        platform.faults(Service.INVENTORY).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(2));

        String orderId = api.placeOrder(UUID.randomUUID().toString(), user, product, 3).text("orderId");

        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        Ledger ledger = new Ledger(platform);
        assertThat(ledger.failedDeliveries(Service.INVENTORY, orderId)).containsExactly(0, 1);
        assertThat(ledger.movements(Service.INVENTORY, orderId)).containsExactly("DEDUCT");
        assertThat(api.available(product)).isEqualTo(stockBefore - 3);
        List<Long> delays = ledger.retryDelaysMs(Service.INVENTORY, orderId);
        log.info("redelivery delays after each failure (ms, failure to next delivery's outcome): {}", delays);
        // Backoff: the second retry waits longer than the first (1 s, then 2 s, with the devstack's levels).
        assertThat(delays).hasSize(2);
        assertThat(delays.get(1)).isGreaterThan(delays.get(0));
    }
}
