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

/** An order whose reply never comes is cancelled by the sweeper and fully compensated. */
@ExtendWith(PlatformExtension.class)
class SweeperIT {

    @Test
    void anOrderWhoseInventoryReplyNeverComesIsCancelledByTheSweeperAndCompensated(PlatformClient api,
                                                                                 Platform platform) {
        long user = 16;
        long product = 4;
        int stockBefore = api.available(product);
        long balanceBefore = api.balanceCents(user);
        platform.faults(Service.INVENTORY).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(FaultAction.ALWAYS));

        String orderId = api.placeOrder(UUID.randomUUID().toString(), user, product, 2).text("orderId");

        Ledger ledger = new Ledger(platform);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.part(Service.PAYMENT, orderId).isPresent());
        assertThat(api.orderStatus(orderId)).isEqualTo("PENDING");
        await().atMost(Platform.PENDING_DEADLINE.plusSeconds(20)).until(() -> api.orderStatus(orderId).equals("CANCELLED"));
        assertThat(api.order(orderId).text("reason")).isEqualTo("PENDING_TIMEOUT");
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.part(Service.PAYMENT, orderId).filter("COMPENSATED"::equals)
                .isPresent() && ledger.part(Service.INVENTORY, orderId).isPresent());
        assertThat(ledger.movements(Service.PAYMENT, orderId)).containsExactly("CHARGE", "REFUND");
        assertThat(api.balanceCents(user)).isEqualTo(balanceBefore);
        assertThat(ledger.part(Service.INVENTORY, orderId)).contains("CANCELLED_FIRST");
        // The sweeper's cancel joins the order's trace: OrderCancelled and inventory's barrier row carry it.
        List<String> traces = platform.db(Service.ORDER).sql("SELECT DISTINCT trace_id FROM tx_log WHERE order_id = :id")
                .param("id", orderId).query(String.class).list();
        assertThat(traces).hasSize(1).doesNotContainNull();
        assertThat(platform.db(Service.INVENTORY).sql("SELECT trace_id FROM order_part WHERE order_id = :id")
                .param("id", orderId).query(String.class).single()).isEqualTo(traces.get(0));

        // The consumer recovers: its next redelivery of OrderCreated is skipped for good, nothing deducted.
        platform.faults(Service.INVENTORY).disarm(FaultPoint.BEFORE_APPLY);
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.lateApplySkipped(Service.INVENTORY, orderId));
        assertThat(ledger.movements(Service.INVENTORY, orderId)).isEmpty();
        assertThat(api.available(product)).isEqualTo(stockBefore);
        assertThat(api.orderStatus(orderId)).isEqualTo("CANCELLED");
    }
}
