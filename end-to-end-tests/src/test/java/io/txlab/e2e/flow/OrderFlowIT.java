package io.txlab.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.txlab.tools.client.PlatformClient;
import io.txlab.tools.client.PlatformClient.Reply;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The happy path and the API's answers to bad input, on the real broker, database and Redis. */
@ExtendWith(PlatformExtension.class)
class OrderFlowIT {

    private static final long USER = 1;
    private static final long PRODUCT = 1;
    private static final long PRODUCT_PRICE_CENTS = 8900;
    private static final long DECLINED_PRODUCT = 3;

    @Test
    void anOrderIsConfirmedAndMovesStockAndMoneyByExactlyItsQuantityAndAmount(PlatformClient api) {
        int stockBefore = api.available(PRODUCT);
        long balanceBefore = api.balanceCents(USER);

        Reply placed = api.placeOrder(UUID.randomUUID().toString(), USER, PRODUCT, 2);

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.text("status")).isEqualTo("PENDING");
        String orderId = placed.text("orderId");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));
        Reply order = api.order(orderId);
        assertThat(order.body().path("amountCents").asLong()).isEqualTo(2 * PRODUCT_PRICE_CENTS);
        assertThat(order.text("inventory")).isEqualTo("APPLIED");
        assertThat(order.text("payment")).isEqualTo("APPLIED");
        assertThat(api.available(PRODUCT)).isEqualTo(stockBefore - 2);
        assertThat(api.balanceCents(USER)).isEqualTo(balanceBefore - 2 * PRODUCT_PRICE_CENTS);
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderWithTheReasonAndChargesNothing(PlatformClient api) {
        long poorUser = 95;
        long balanceBefore = api.balanceCents(poorUser);

        // Its own product: without compensation (not built yet) its stock stays deducted, possibly after
        // CANCELLED is visible, which must not disturb the other tests' stock figures.
        String orderId = api.placeOrder(UUID.randomUUID().toString(), poorUser, DECLINED_PRODUCT, 1).text("orderId");

        await().atMost(Duration.ofSeconds(30)).until(() -> api.orderStatus(orderId).equals("CANCELLED"));
        Reply order = api.order(orderId);
        assertThat(order.text("payment")).isEqualTo("REJECTED");
        assertThat(order.text("reason")).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(api.balanceCents(poorUser)).isEqualTo(balanceBefore);
    }

    @Test
    void missingFieldsAreA400ProblemListingEachError(PlatformClient api) {
        Reply response = api.postOrder("{\"userId\": 1, \"quantity\": 0}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").toString())
                .contains("requestId is required", "productId must be a positive number",
                        "quantity must be between 1 and 100");
    }

    @Test
    void malformedJsonIsA400ProblemWithoutAStackTrace(PlatformClient api) {
        Reply response = api.postOrder("{\"requestId\": \"x\", \"quantity\": \"many\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().toString()).doesNotContain("trace", "Exception", "\tat ");
    }

    @Test
    void anUnknownProductIsA400AndNoOrder(PlatformClient api) {
        Reply response = api.placeOrder(UUID.randomUUID().toString(), USER, 999, 1);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("title")).isEqualTo("Unknown product");
    }

    @Test
    void anUnknownOrderIsA404Problem(PlatformClient api) {
        Reply response = api.order("no-such-order");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
