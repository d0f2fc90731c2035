package io.txlab.payment.account.domain;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargeTest {

    private static final Account TEN_EUROS = new Account(42, 1_000, 3);

    @Test
    void acceptsWhenTheBalanceCovers() {
        assertThat(Charge.decide(Optional.of(TEN_EUROS), 999)).isEqualTo(new Charge(true, null));
    }

    @Test
    void acceptsTheWholeBalance() {
        assertThat(Charge.decide(Optional.of(TEN_EUROS), 1_000).accepted()).isTrue();
    }

    @Test
    void rejectsOneCentTooMuch() {
        Charge charge = Charge.decide(Optional.of(TEN_EUROS), 1_001);

        assertThat(charge.accepted()).isFalse();
        assertThat(charge.reason()).isEqualTo(Charge.Reason.INSUFFICIENT_BALANCE);
    }

    @Test
    void rejectsAnUnknownAccount() {
        Charge charge = Charge.decide(Optional.empty(), 1);

        assertThat(charge.accepted()).isFalse();
        assertThat(charge.reason()).isEqualTo(Charge.Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void acceptsAFreeOrderEvenOnAnEmptyAccount() {
        assertThat(Charge.decide(Optional.of(new Account(42, 0, 0)), 0).accepted()).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> TEN_EUROS.charge(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account(42, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Charge(true, Charge.Reason.INSUFFICIENT_BALANCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Charge(false, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
