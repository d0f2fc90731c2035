package io.txlab.order.flashsale.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FlashSaleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void isOpenFromItsStartUntilJustBeforeItsEnd() {
        FlashSale sale = FlashSale.create("s", 6L, 50, NOW, NOW.plusSeconds(60), NOW);

        assertThat(sale.phaseAt(NOW.minusMillis(1))).isEqualTo(FlashSale.Phase.NOT_STARTED);
        assertThat(sale.phaseAt(NOW)).isEqualTo(FlashSale.Phase.OPEN);
        assertThat(sale.phaseAt(NOW.plusSeconds(60).minusMillis(1))).isEqualTo(FlashSale.Phase.OPEN);
        assertThat(sale.phaseAt(NOW.plusSeconds(60))).isEqualTo(FlashSale.Phase.ENDED);
    }

    @Test
    void aBadRequestListsEveryProblem() {
        assertThatThrownBy(() -> FlashSale.create("s", 0L, 0, NOW.plusSeconds(60), NOW, NOW))
                .isInstanceOfSatisfying(InvalidFlashSaleException.class, e -> assertThat(e.errors()).containsExactly(
                        "productId must be a positive number", "units must be between 1 and 1000000",
                        "startsAt must be before endsAt"));
        assertThatThrownBy(() -> FlashSale.create("s", 6L, 5, NOW.minusSeconds(120), NOW.minusSeconds(60), NOW))
                .isInstanceOfSatisfying(InvalidFlashSaleException.class, e -> assertThat(e.errors())
                        .containsExactly("endsAt must be in the future"));
        assertThatThrownBy(() -> FlashSale.create("s", 6L, 5, NOW, Instant.parse("2099-01-01T00:00:00Z"), NOW))
                .isInstanceOfSatisfying(InvalidFlashSaleException.class, e -> assertThat(e.errors()).containsExactly(
                        "startsAt and endsAt must lie between 1970-01-01T00:00:01Z and 2038-01-19T03:14:07Z"));
        assertThatThrownBy(() -> FlashSale.create("s", 6L, 5, Instant.EPOCH, NOW.plusSeconds(60), NOW))
                .isInstanceOf(InvalidFlashSaleException.class);
        assertThatThrownBy(() -> FlashSale.create("s", 6L, 5, null, NOW, NOW))
                .isInstanceOfSatisfying(InvalidFlashSaleException.class, e -> assertThat(e.errors().get(0))
                        .startsWith("startsAt and endsAt are required"));
    }
}
