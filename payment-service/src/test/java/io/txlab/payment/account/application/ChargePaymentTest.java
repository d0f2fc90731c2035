package io.txlab.payment.account.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.payment.account.domain.BalanceCharge;
import io.txlab.payment.account.domain.PaymentMovement;
import io.txlab.support.participant.InMemoryParticipant;
import org.junit.jupiter.api.Test;

/** Charging new orders, on in-memory fakes of the account tables and the participant protocol. */
class ChargePaymentTest {

    private static final long USER = 42;

    private final InMemoryParticipant payment = new InMemoryParticipant(Participant.PAYMENT);
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ChargePayment chargePayment = new ChargePayment(payment.replyToOrder(), accounts);

    @Test
    void enoughBalanceIsChargedAndTheOrderServiceToldItWasApplied() {
        accounts.open(USER, 1_000);

        chargePayment.handle(List.of(order("o-1", 300)));

        assertThat(accounts.balance(USER)).isEqualTo(700);
        assertThat(accounts.movementsOf("o-1")).extracting(PaymentMovement::kind)
                .containsExactly(PaymentMovement.Kind.CHARGE);
        assertThat(payment.replies()).containsExactly(ParticipantReplied.applied("o-1", Participant.PAYMENT));
        assertThat(payment.barrier("o-1")).contains("APPLIED");
    }

    @Test
    void notEnoughBalanceRejectsTheOrderWithItsReasonAndChargesNothing() {
        accounts.open(USER, 100);

        chargePayment.handle(List.of(order("o-1", 300)));

        assertThat(accounts.balance(USER)).isEqualTo(100);
        assertThat(accounts.movementsOf("o-1")).isEmpty();
        assertThat(payment.replies()).containsExactly(
                ParticipantReplied.rejected("o-1", Participant.PAYMENT, "INSUFFICIENT_BALANCE"));
        assertThat(payment.barrier("o-1")).contains("REJECTED");
    }

    @Test
    void anUnknownAccountIsRejectedAsUnknown() {
        chargePayment.handle(List.of(order("o-1", 300)));

        assertThat(payment.replies()).containsExactly(
                ParticipantReplied.rejected("o-1", Participant.PAYMENT, "UNKNOWN_ACCOUNT"));
    }

    @Test
    void aDuplicateDeliveryChargesNothingMoreAndRepliesAgain() {
        accounts.open(USER, 1_000);
        OrderCreated order = order("o-1", 300);

        chargePayment.handle(List.of(order));
        chargePayment.handle(List.of(order));

        assertThat(accounts.balance(USER)).isEqualTo(700);
        assertThat(accounts.movementsOf("o-1")).hasSize(1);
        assertThat(payment.replies()).containsExactly(ParticipantReplied.applied("o-1", Participant.PAYMENT),
                ParticipantReplied.applied("o-1", Participant.PAYMENT));
        assertThat(payment.duplicates(order)).isEqualTo(1);
    }

    @Test
    void aBatchRecordsTheChargesOfItsAppliedOrdersInOneWriteAndNoneOfTheRejected() {
        accounts.open(USER, 1_000);

        chargePayment.handle(List.of(order("o-1", 600), order("o-2", 600), order("o-3", 400)));

        assertThat(accounts.balance(USER)).isZero();
        assertThat(accounts.recorded()).containsExactly(List.of(new BalanceCharge("o-1", USER, 600),
                new BalanceCharge("o-3", USER, 400)));
        assertThat(accounts.movementsOf("o-2")).isEmpty();
    }

    @Test
    void aRedeliveryRecordsNoCharge() {
        accounts.open(USER, 1_000);
        chargePayment.handle(List.of(order("o-1", 300)));

        chargePayment.handle(List.of(order("o-1", 300)));

        assertThat(accounts.recorded()).containsExactly(List.of(new BalanceCharge("o-1", USER, 300)), List.of());
    }

    static OrderCreated order(String orderId, long amountCents) {
        return OrderCreated.of(orderId, USER, 7, 1, amountCents, Instant.EPOCH);
    }
}
