package io.txlab.e2e.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.tools.client.PlatformClient;
import io.txlab.e2e.support.Ledger;
import io.txlab.e2e.support.Messages;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A refusal on one side is undone on the other, exactly once, whatever order the messages arrive in. */
@ExtendWith(PlatformExtension.class)
class CompensationIT {

    private static final Duration CONVERGED = Duration.ofSeconds(45);
    /** 10 units in stock, never more: 11 is always too many. */
    private static final long SCARCE_PRODUCT = 5;
    private static final long KEYBOARD = 1;
    /** Users 91..100 hold 5.00; a keyboard costs 89.00. */
    private static final long POOR_USER = 92;

    /** Inventory's first delivery fails, so payment charges first and the cancel must refund it. */
    @Test
    void insufficientStockCancelsTheOrderAndRefundsThePayment(PlatformClient api, Platform platform) {
        long user = 11;
        long balanceBefore = api.balanceCents(user);
        platform.faults(Service.INVENTORY).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(1));

        String orderId = api.placeOrder(UUID.randomUUID().toString(), user, SCARCE_PRODUCT, 11).text("orderId");

        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CANCELLED"));
        assertThat(api.order(orderId).text("reason")).isEqualTo("INSUFFICIENT_STOCK");
        Ledger ledger = new Ledger(platform);
        await().atMost(CONVERGED).until(() -> ledger.part(Service.PAYMENT, orderId).filter("COMPENSATED"::equals).isPresent());
        assertThat(ledger.movements(Service.PAYMENT, orderId)).containsExactly("CHARGE", "REFUND");
        assertThat(api.balanceCents(user)).isEqualTo(balanceBefore);
        assertThat(ledger.part(Service.INVENTORY, orderId)).contains("REJECTED");
        assertThat(ledger.movements(Service.INVENTORY, orderId)).isEmpty();
    }

    /** Payment's first delivery fails, so inventory deducts first and the cancel must release it. */
    @Test
    void insufficientBalanceCancelsTheOrderAndReleasesTheStock(PlatformClient api, Platform platform) {
        int stockBefore = api.available(KEYBOARD);
        platform.faults(Service.PAYMENT).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(1));

        String orderId = api.placeOrder(UUID.randomUUID().toString(), POOR_USER, KEYBOARD, 2).text("orderId");

        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CANCELLED"));
        assertThat(api.order(orderId).text("reason")).isEqualTo("INSUFFICIENT_BALANCE");
        Ledger ledger = new Ledger(platform);
        await().atMost(CONVERGED).until(() -> ledger.part(Service.INVENTORY, orderId).filter("COMPENSATED"::equals).isPresent());
        assertThat(ledger.movements(Service.INVENTORY, orderId)).containsExactly("DEDUCT", "RELEASE");
        assertThat(api.available(KEYBOARD)).isEqualTo(stockBefore);
        assertThat(ledger.part(Service.PAYMENT, orderId)).contains("REJECTED");
        assertThat(ledger.movements(Service.PAYMENT, orderId)).isEmpty();
    }

    @Test
    void anUnknownAccountCancelsTheOrderAndReleasesTheStock(PlatformClient api, Platform platform) {
        int stockBefore = api.available(KEYBOARD);

        String orderId = api.placeOrder(UUID.randomUUID().toString(), 5_000, KEYBOARD, 1).text("orderId");

        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CANCELLED"));
        assertThat(api.order(orderId).text("reason")).isEqualTo("UNKNOWN_ACCOUNT");
        await().atMost(CONVERGED).until(() -> api.available(KEYBOARD) == stockBefore);
    }

    @Test
    void aRepeatedCancelRefundsOnce(PlatformClient api, Platform platform) throws Exception {
        long user = 13;
        long balanceBefore = api.balanceCents(user);
        platform.faults(Service.INVENTORY).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(1));
        String orderId = api.placeOrder(UUID.randomUUID().toString(), user, SCARCE_PRODUCT, 11).text("orderId");
        Ledger ledger = new Ledger(platform);
        await().atMost(CONVERGED).until(() -> ledger.part(Service.PAYMENT, orderId).filter("COMPENSATED"::equals).isPresent());

        OrderCancelled again = OrderCancelled.of(orderId, "INSUFFICIENT_STOCK", Instant.now());
        Messages.sendToOrderEvents(platform, again);
        Messages.sendToOrderEvents(platform, again);

        await().atMost(CONVERGED).until(() -> ledger.duplicates(Service.PAYMENT, orderId) >= 2
                && ledger.duplicates(Service.INVENTORY, orderId) >= 2);
        assertThat(ledger.movements(Service.PAYMENT, orderId)).containsExactly("CHARGE", "REFUND");
        assertThat(api.balanceCents(user)).isEqualTo(balanceBefore);
    }

    @Test
    void aCancelForAnOrderNeverAppliedHereIsRecordedAndMovesNothing(Platform platform) throws Exception {
        String neverPlaced = UUID.randomUUID().toString();

        Messages.sendToOrderEvents(platform, OrderCancelled.of(neverPlaced, "PENDING_TIMEOUT", Instant.now()));

        Ledger ledger = new Ledger(platform);
        await().atMost(CONVERGED).until(() -> ledger.part(Service.INVENTORY, neverPlaced).isPresent()
                && ledger.part(Service.PAYMENT, neverPlaced).isPresent());
        assertThat(ledger.part(Service.INVENTORY, neverPlaced)).contains("CANCELLED_FIRST");
        assertThat(ledger.part(Service.PAYMENT, neverPlaced)).contains("CANCELLED_FIRST");
        assertThat(ledger.movements(Service.INVENTORY, neverPlaced)).isEmpty();
        assertThat(ledger.movements(Service.PAYMENT, neverPlaced)).isEmpty();
    }

    /**
     * Both participants fail their first two deliveries of OrderCreated, so the broker redelivers it after
     * 1 s and 2 s; the cancel, sent meanwhile, overtakes it. The late deduction and charge are skipped.
     */
    @Test
    void aCancelDeliveredBeforeTheDeductionMovesNothingAndTheLateDeductionIsSkipped(PlatformClient api,
                                                                                    Platform platform) throws Exception {
        long user = 14;
        long product = 2;
        int stockBefore = api.available(product);
        long balanceBefore = api.balanceCents(user);
        platform.faults(Service.INVENTORY).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(2));
        platform.faults(Service.PAYMENT).arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(2));

        String orderId = api.placeOrder(UUID.randomUUID().toString(), user, product, 1).text("orderId");
        Messages.sendToOrderEvents(platform, OrderCancelled.of(orderId, "CANCELLED_BY_TEST", Instant.now()));

        Ledger ledger = new Ledger(platform);
        await().atMost(CONVERGED).until(() -> ledger.lateApplySkipped(Service.INVENTORY, orderId)
                && ledger.lateApplySkipped(Service.PAYMENT, orderId));
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CANCELLED"));
        assertThat(ledger.part(Service.INVENTORY, orderId)).contains("CANCELLED_FIRST");
        assertThat(ledger.part(Service.PAYMENT, orderId)).contains("CANCELLED_FIRST");
        assertThat(ledger.movements(Service.INVENTORY, orderId)).isEmpty();
        assertThat(ledger.movements(Service.PAYMENT, orderId)).isEmpty();
        assertThat(api.available(product)).isEqualTo(stockBefore);
        assertThat(api.balanceCents(user)).isEqualTo(balanceBefore);
        assertThat(api.order(orderId).text("reason")).isEqualTo("ORDER_CANCELLED");
        assertThat(ledger.failedDeliveries(Service.INVENTORY, orderId)).containsExactly(0, 1);
    }
}
