package io.txlab.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Ledger;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Faults armed over HTTP, as the scenario runner arms them: guarded by the admin token, and they fire. */
@ExtendWith(PlatformExtension.class)
class FaultAdminIT {

    @Test
    void aFaultArmedThroughTheAdminEndpointFiresAtItsPoint(PlatformClient api, Platform platform) {
        Reply armed = api.armFault("inventory", Platform.ADMIN_TOKEN,
                "{\"point\":\"inventory.consume\",\"action\":\"throw\",\"times\":1}");
        assertThat(armed.status()).isEqualTo(201);

        String orderId = api.placeOrder(UUID.randomUUID().toString(), 18, 4, 1).text("orderId");

        await().atMost(Duration.ofSeconds(45)).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        assertThat(new Ledger(platform).failedDeliveries(Service.INVENTORY, orderId)).containsExactly(0);
        assertThat(api.timeline(orderId).body().path("entries").toString())
                .contains("fault injected at inventory.consume");
    }

    @Test
    void withoutTheRightTokenNothingIsArmed(PlatformClient api, Platform platform) {
        Reply wrong = api.armFault("payment", "not-the-token", "{\"point\":\"payment.consume\",\"action\":\"crash\"}");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(platform.faults(Service.PAYMENT).armed()).isEmpty();
        assertThat(api.disarmFaults("payment", Platform.ADMIN_TOKEN).status()).isEqualTo(204);
    }
}
