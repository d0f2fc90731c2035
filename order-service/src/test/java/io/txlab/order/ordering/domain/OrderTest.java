package io.txlab.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.txlab.order.ordering.domain.Order.Part;
import io.txlab.order.sharedkernel.InvalidOrderException;
import io.txlab.order.sharedkernel.PlaceOrderCommand;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Product KEYBOARD = new Product(1, "Keyboard", 8900);

    private final Order placed = Order.place("o-1", new PlaceOrderCommand("r-1", 7L, 1L, 3), KEYBOARD, Instant.EPOCH);

    @Test
    void aPlacedOrderIsPendingWithPriceTimesQuantity() {
        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.amountCents()).isEqualTo(26700);
        assertThat(placed.inventory()).isEqualTo(PartOutcome.AWAITED);
    }

    @Test
    void oneAppliedReplyKeepsItPending() {
        assertThat(placed.withReply(Part.INVENTORY, true, null).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void bothAppliedConfirmsItInEitherOrder() {
        assertThat(placed.withReply(Part.INVENTORY, true, null).withReply(Part.PAYMENT, true, null).status())
                .isEqualTo(OrderStatus.CONFIRMED);
        assertThat(placed.withReply(Part.PAYMENT, true, null).withReply(Part.INVENTORY, true, null).status())
                .isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aRejectionCancelsItWithTheReasonEvenAfterTheOtherApplied() {
        Order cancelled = placed.withReply(Part.PAYMENT, true, null)
                .withReply(Part.INVENTORY, false, "INSUFFICIENT_STOCK");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("INSUFFICIENT_STOCK");
    }

    @Test
    void aFinalStatusNeverChangesButLateRepliesAreStillRecorded() {
        Order cancelled = placed.withReply(Part.INVENTORY, false, "INSUFFICIENT_STOCK");
        Order late = cancelled.withReply(Part.PAYMENT, true, null);

        assertThat(late.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(late.payment()).isEqualTo(PartOutcome.APPLIED);
    }

    @Test
    void aRepeatedReplyChangesNothing() {
        Order once = placed.withReply(Part.INVENTORY, true, null);

        assertThat(once.withReply(Part.INVENTORY, false, "LATE_AND_WRONG")).isEqualTo(once);
    }

    @Test
    void invalidCommandsListEveryProblem() {
        assertThatThrownBy(() -> new PlaceOrderCommand(" ", -1L, null, 101))
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.errors()).containsExactly(
                        "requestId is required", "userId must be a positive number",
                        "productId must be a positive number", "quantity must be between 1 and 100"));
    }

    @Test
    void aRequestIdWithAControlCharacterIsRefused() {
        for (String requestId : new String[] {"a\u0000b", "a\nb", "a\u001bb", "a\u007fb"}) {
            assertThatThrownBy(() -> new PlaceOrderCommand(requestId, 1L, 1L, 1))
                    .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.errors())
                            .containsExactly("requestId must not contain control characters"));
        }
        assertThat(new PlaceOrderCommand("Bestellung-Ä-1", 1L, 1L, 1).requestId()).isEqualTo("Bestellung-Ä-1");
    }

    @Test
    void aPendingOrderCanBeCancelledWithAReasonAndKeepsItsVersion() {
        Order cancelled = placed.cancel("PENDING_TIMEOUT");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.reason()).isEqualTo("PENDING_TIMEOUT");
        assertThat(cancelled.version()).isEqualTo(placed.version());
        assertThat(cancelled.cancels(placed)).isTrue();
    }

    @Test
    void aFinalOrderCannotBeCancelledAgain() {
        Order confirmed = placed.withReply(Part.INVENTORY, true, null).withReply(Part.PAYMENT, true, null);

        assertThatThrownBy(() -> confirmed.cancel("PENDING_TIMEOUT")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTheMoveFromPendingToCancelledCancels() {
        Order rejected = placed.withReply(Part.PAYMENT, false, "INSUFFICIENT_BALANCE");
        Order lateApplied = rejected.withReply(Part.INVENTORY, true, null);

        assertThat(rejected.cancels(placed)).isTrue();
        assertThat(lateApplied.cancels(rejected)).isFalse();
        assertThat(lateApplied.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(placed.withReply(Part.INVENTORY, true, null).cancels(placed)).isFalse();
    }
}
