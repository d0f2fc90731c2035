package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import io.txlab.tools.client.PublishingWay;
import org.junit.jupiter.api.Test;

class WayRotationTest {

    private static final PublishingWay T = PublishingWay.TRANSACTIONAL;
    private static final PublishingWay O = PublishingWay.OUTBOX;
    private static final PublishingWay D = PublishingWay.DUAL_WRITE;

    @Test
    void a60SecondRunGivesEachWayTwoInterleaved10SecondBlocks() {
        WayRotation blocks = WayRotation.of(BenchOptions.parse("compare", "--duration", "60"));

        assertThat(IntStream.of(0, 9, 10, 19, 20, 29, 30, 39, 40, 49, 50, 59).mapToObj(blocks::wayOfSecond))
                .containsExactly(T, T, O, O, D, D, T, T, O, O, D, D);
        assertThat(IntStream.range(0, 60).mapToObj(blocks::wayOfSecond).filter(T::equals)).hasSize(20);
        assertThat(blocks.way(12345, 25)).as("the order's number does not matter").isEqualTo(D);
    }

    @Test
    void eachBlocksFirstSecondIsLeftOutOfTheCpu() {
        WayRotation blocks = new WayRotation(Rotation.BLOCK, 3);

        assertThat(IntStream.range(0, 9).filter(blocks::countsCpu)).containsExactly(1, 2, 4, 5, 7, 8);
        assertThat(IntStream.range(0, 9).mapToObj(blocks::wayOfSecond)).containsExactly(T, T, T, O, O, O, D, D, D);
    }

    @Test
    void offeredCountsEachWaysOrdersOfTheSchedule() {
        BenchOptions block = BenchOptions.parse("compare", "--rate", "15", "--duration", "7", "--block-seconds", "2");
        BenchOptions request = BenchOptions.parse("compare", "--rate", "5", "--duration", "2", "--rotation", "request");

        assertThat(WayRotation.of(block).offered(Schedule.of(block)))
                .containsEntry(T, 45L).containsEntry(O, 30L).containsEntry(D, 30L);
        assertThat(WayRotation.of(request).offered(Schedule.of(request)))
                .containsEntry(T, 4L).containsEntry(O, 3L).containsEntry(D, 3L);
    }
}
