package io.txlab.inventory.stock.domain;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationTest {

    private static final Stock TEN_LEFT = new Stock(7, 10, 3);

    @Test
    void acceptsWhenEnoughStock() {
        assertThat(Reservation.decide(Optional.of(TEN_LEFT), 4)).isEqualTo(new Reservation(true, null));
    }

    @Test
    void acceptsTheLastUnits() {
        assertThat(Reservation.decide(Optional.of(TEN_LEFT), 10).accepted()).isTrue();
    }

    @Test
    void rejectsOneUnitTooMany() {
        Reservation reservation = Reservation.decide(Optional.of(TEN_LEFT), 11);

        assertThat(reservation.accepted()).isFalse();
        assertThat(reservation.reason()).isEqualTo(Reservation.Reason.INSUFFICIENT_STOCK);
    }

    @Test
    void rejectsWhenSoldOut() {
        assertThat(Reservation.decide(Optional.of(new Stock(7, 0, 9)), 1).reason())
                .isEqualTo(Reservation.Reason.INSUFFICIENT_STOCK);
    }

    @Test
    void rejectsAnUnknownProduct() {
        Reservation reservation = Reservation.decide(Optional.empty(), 1);

        assertThat(reservation.accepted()).isFalse();
        assertThat(reservation.reason()).isEqualTo(Reservation.Reason.UNKNOWN_PRODUCT);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> TEN_LEFT.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stock(7, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reservation(true, Reservation.Reason.INSUFFICIENT_STOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reservation(false, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
