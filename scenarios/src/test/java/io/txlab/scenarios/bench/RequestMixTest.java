package io.txlab.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void onlyOrdersOutsideMixed() {
        RequestMix orders = RequestMix.of(Profile.CONSTANT);

        assertThat(IntStream.range(0, 100).mapToObj(orders::kind)).containsOnly(RequestMix.Kind.ORDER);
        assertThat(orders.orderNumber(42)).isEqualTo(42);
    }

    @Test
    void mixedSendsAnOrderEveryTenthRequestAndReadsOtherwise() {
        RequestMix mixed = RequestMix.of(Profile.MIXED);

        assertThat(IntStream.range(0, 1000).filter(i -> mixed.kind(i) == RequestMix.Kind.ORDER)).hasSize(100);
        assertThat(IntStream.range(0, 1000).filter(i -> mixed.kind(i) == RequestMix.Kind.STATUS_READ)).hasSize(500);
        assertThat(mixed.orderNumber(30)).isEqualTo(3);
        assertThat(IntStream.range(0, 14).mapToLong(mixed::readProduct)).allMatch(p -> p >= 1 && p <= 7);
    }

    @Test
    void consecutiveOrdersComeFromDistinctBenchmarkUsersAndAllBuyProduct7() {
        RequestMix mix = RequestMix.of(Profile.STEP_UP);

        assertThat(IntStream.range(0, 50_000).mapToLong(mix::user).distinct()).hasSize(50_000);
        assertThat(mix.user(0)).isEqualTo(100_001);
        assertThat(mix.user(49_999)).isEqualTo(150_000);
        assertThat(mix.user(50_000)).isEqualTo(100_001);
        assertThat(IntStream.range(0, 100_000).mapToLong(mix::product)).containsOnly(7L);
    }

    @Test
    void onlyCompareRotatesThePublishingWays() {
        RequestMix compare = RequestMix.of(Profile.COMPARE);

        assertThat(IntStream.range(0, 7).mapToObj(compare::way)).containsExactly(PublishingWay.TRANSACTIONAL,
                PublishingWay.OUTBOX, PublishingWay.DUAL_WRITE, PublishingWay.TRANSACTIONAL, PublishingWay.OUTBOX,
                PublishingWay.DUAL_WRITE, PublishingWay.TRANSACTIONAL);
        assertThat(IntStream.range(0, 30).mapToObj(RequestMix.of(Profile.CONSTANT)::way))
                .containsOnly(PublishingWay.TRANSACTIONAL);
        assertThat(RequestMix.of(Profile.MIXED).way(3)).isEqualTo(PublishingWay.TRANSACTIONAL);
    }
}
