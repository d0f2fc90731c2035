package io.txlab.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void onlyOrdersOutsideMixed() {
        RequestMix orders = new RequestMix(false);

        assertThat(IntStream.range(0, 100).mapToObj(orders::kind)).containsOnly(RequestMix.Kind.ORDER);
        assertThat(orders.orderNumber(42)).isEqualTo(42);
    }

    @Test
    void mixedSendsAnOrderEveryTenthRequestAndReadsOtherwise() {
        RequestMix mixed = new RequestMix(true);

        assertThat(IntStream.range(0, 1000).filter(i -> mixed.kind(i) == RequestMix.Kind.ORDER)).hasSize(100);
        assertThat(IntStream.range(0, 1000).filter(i -> mixed.kind(i) == RequestMix.Kind.STATUS_READ)).hasSize(500);
        assertThat(mixed.orderNumber(30)).isEqualTo(3);
        assertThat(IntStream.range(0, 12).mapToLong(mixed::readProduct)).allMatch(p -> p >= 1 && p <= 6);
    }

    @Test
    void consecutiveOrdersComeFromDistinctFundedUsersAndProductsTakeTurnsByRound() {
        RequestMix mix = new RequestMix(false);

        assertThat(IntStream.range(0, 2000).mapToLong(mix::user).distinct()).hasSize(2000);
        assertThat(mix.user(0)).isEqualTo(1001);
        assertThat(mix.user(1999)).isEqualTo(3000);
        assertThat(mix.user(2000)).isEqualTo(1001);
        assertThat(mix.product(0)).isEqualTo(6);
        assertThat(mix.product(2000)).isEqualTo(4);
        assertThat(mix.product(4000)).isEqualTo(6);
    }
}
