package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import io.txlab.tools.client.PublishingWay;
import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void onlyOrdersOutsideMixed() {
        RequestMix orders = RequestMix.of(BenchOptions.parse("constant"));

        assertThat(IntStream.range(0, 100).mapToObj(orders::kind)).containsOnly(RequestMix.Kind.ORDER);
        assertThat(orders.orderNumber(42)).isEqualTo(42);
    }

    @Test
    void mixedSendsAnOrderEveryTenthRequestAndReadsOtherwise() {
        RequestMix mixed = RequestMix.of(BenchOptions.parse("mixed"));

        assertThat(IntStream.range(0, 1000).filter(i -> mixed.kind(i) == RequestMix.Kind.ORDER)).hasSize(100);
        assertThat(IntStream.range(0, 1000).filter(i -> mixed.kind(i) == RequestMix.Kind.STATUS_READ)).hasSize(500);
        assertThat(mixed.orderNumber(30)).isEqualTo(3);
        assertThat(IntStream.range(0, 14).mapToLong(mixed::readProduct)).allMatch(p -> p >= 1 && p <= 7);
    }

    @Test
    void consecutiveOrdersComeFromDistinctBenchmarkUsersAndAllBuyProduct7() {
        RequestMix mix = RequestMix.of(BenchOptions.parse("step-up"));

        assertThat(IntStream.range(0, 50_000).mapToLong(mix::user).distinct()).hasSize(50_000);
        assertThat(mix.user(0)).isEqualTo(100_001);
        assertThat(mix.user(49_999)).isEqualTo(150_000);
        assertThat(mix.user(50_000)).isEqualTo(100_001);
        assertThat(IntStream.range(0, 100_000).mapToLong(mix::product)).containsOnly(7L);
    }

    @Test
    void onlyCompareRotatesThePublishingWaysOrderByOrderWithRequestRotation() {
        RequestMix compare = RequestMix.of(BenchOptions.parse("compare", "--rotation", "request"));

        assertThat(IntStream.range(0, 7).mapToObj(k -> compare.way(k, 0))).containsExactly(PublishingWay.TRANSACTIONAL,
                PublishingWay.OUTBOX, PublishingWay.DUAL_WRITE, PublishingWay.TRANSACTIONAL, PublishingWay.OUTBOX,
                PublishingWay.DUAL_WRITE, PublishingWay.TRANSACTIONAL);
        RequestMix constant = RequestMix.of(BenchOptions.parse("constant"));
        assertThat(IntStream.range(0, 30).mapToObj(k -> constant.way(k, k))).containsOnly(PublishingWay.TRANSACTIONAL);
        assertThat(RequestMix.of(BenchOptions.parse("mixed")).way(3, 0)).isEqualTo(PublishingWay.TRANSACTIONAL);
    }

    @Test
    void withBlockRotationTheSecondAnOrderIsDueInDecidesItsWay() {
        RequestMix compare = RequestMix.of(BenchOptions.parse("compare"));

        assertThat(compare.way(0, 0)).isEqualTo(PublishingWay.TRANSACTIONAL);
        assertThat(compare.way(1, 9)).isEqualTo(PublishingWay.TRANSACTIONAL);
        assertThat(compare.way(2, 10)).isEqualTo(PublishingWay.OUTBOX);
    }
}
