package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FlashSalePhaseTest {

    @Test
    void everyFifthPurchaseIsTheLastBuyersSecondClick() {
        assertThat(IntStream.range(0, 10).mapToLong(FlashSalePhase::buyer)).containsExactly(100_001L, 100_002L,
                100_003L, 100_004L, 100_004L, 100_005L, 100_006L, 100_007L, 100_008L, 100_008L);
        assertThat(IntStream.range(0, 4_000).mapToLong(FlashSalePhase::buyer).distinct()).hasSize(3_200);
        assertThat(IntStream.range(0, 100_000).mapToLong(FlashSalePhase::buyer))
                .allMatch(user -> user >= RequestMix.FIRST_USER && user < RequestMix.FIRST_USER + RequestMix.USERS);
    }

    @Test
    void rejectionsAreGroupedIntoFourKinds() {
        assertThat(FlashSalePhase.rejection("sold-out")).isEqualTo("sold-out");
        assertThat(FlashSalePhase.rejection("already-bought")).isEqualTo("already-bought");
        assertThat(FlashSalePhase.rejection("rate-limited")).isEqualTo("rate-limited");
        assertThat(FlashSalePhase.rejection("other: 503")).isEqualTo("other");
        assertThat(FlashSalePhase.rejection("other: no answer")).isEqualTo("other");
    }
}
