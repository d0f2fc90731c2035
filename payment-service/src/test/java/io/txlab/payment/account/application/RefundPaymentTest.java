package io.txlab.payment.account.application;

import static io.txlab.payment.account.application.ChargePaymentTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.payment.account.domain.PaymentMovement;
import io.txlab.support.participant.InMemoryParticipant;
import io.txlab.support.participant.ReplyToOrder;
import org.junit.jupiter.api.Test;

/** Compensating a cancelled order's charge, on in-memory fakes of the account tables and the participant protocol. */
class RefundPaymentTest {

    private static final long USER = 42;

    private final InMemoryParticipant payment = new InMemoryParticipant(Participant.PAYMENT);
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ChargePayment chargePayment = new ChargePayment(payment.replyToOrder(), accounts);
    private final RefundPayment refundPayment = new RefundPayment(payment.compensateOrder(), accounts);

    @Test
    void aCancelAfterTheChargeRefundsItOnce() {
        accounts.open(USER, 1_000);
        chargePayment.handle(List.of(order("o-1", 300)));

        refundPayment.handle(cancelled("o-1"));
        refundPayment.handle(cancelled("o-1"));

        assertThat(accounts.balance(USER)).isEqualTo(1_000);
        assertThat(accounts.movementsOf("o-1")).extracting(PaymentMovement::kind)
                .containsExactly(PaymentMovement.Kind.CHARGE, PaymentMovement.Kind.REFUND);
        assertThat(payment.barrier("o-1")).contains("COMPENSATED");
    }

    @Test
    void aCancelBeforeTheOrderArrivesRefundsNothingAndPlantsTheBarrier() {
        accounts.open(USER, 1_000);

        refundPayment.handle(cancelled("o-1"));

        assertThat(accounts.balance(USER)).isEqualTo(1_000);
        assertThat(accounts.movementsOf("o-1")).isEmpty();
        assertThat(payment.barrier("o-1")).contains("CANCELLED_FIRST");
    }

    @Test
    void theOrderArrivingAfterItsCancelIsNotChargedForGood() {
        accounts.open(USER, 1_000);
        refundPayment.handle(cancelled("o-1"));

        chargePayment.handle(List.of(order("o-1", 300)));

        assertThat(accounts.balance(USER)).isEqualTo(1_000);
        assertThat(payment.replies()).containsExactly(
                ParticipantReplied.rejected("o-1", Participant.PAYMENT, ReplyToOrder.ORDER_CANCELLED));
        assertThat(payment.lateApplySkipped("o-1")).isTrue();
    }

    private static OrderCancelled cancelled(String orderId) {
        return OrderCancelled.of(orderId, "INSUFFICIENT_STOCK", Instant.EPOCH);
    }
}
