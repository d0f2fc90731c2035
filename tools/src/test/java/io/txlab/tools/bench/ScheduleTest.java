package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void constantSendsRequestIAtIOverTheRate() {
        Schedule schedule = Schedule.of(BenchOptions.parse("constant", "--rate", "100", "--duration", "30"));

        assertThat(schedule.size()).isEqualTo(3000);
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1)).isEqualTo(SECOND / 100);
        assertThat(schedule.offsetNanos(250)).isEqualTo(SECOND * 250 / 100);
        assertThat(schedule.offsetNanos(2999)).isEqualTo(SECOND * 2999 / 100);
        assertThat(schedule.totalSeconds()).isEqualTo(30);
    }

    @Test
    void mixedSchedulesAllItsRequestsAtTheRate() {
        Schedule schedule = Schedule.of(BenchOptions.parse("mixed", "--rate", "200", "--duration", "5"));

        assertThat(schedule.size()).isEqualTo(1000);
        assertThat(schedule.offsetNanos(400)).isEqualTo(2 * SECOND);
    }

    @Test
    void stepUpRaisesTheRateEachStep() {
        Schedule schedule = Schedule.of(BenchOptions.parse("step-up", "--rate", "50", "--step", "50",
                "--step-seconds", "10", "--max-rate", "200"));

        assertThat(schedule.segments()).extracting(Schedule.Segment::fromRate).containsExactly(50.0, 100.0, 150.0, 200.0);
        assertThat(schedule.size()).isEqualTo(500 + 1000 + 1500 + 2000);
        assertThat(schedule.offsetNanos(499)).isEqualTo(SECOND * 499 / 50);
        assertThat(schedule.offsetNanos(500)).isEqualTo(10 * SECOND);
        assertThat(schedule.offsetNanos(501)).isEqualTo(10 * SECOND + SECOND / 100);
        assertThat(schedule.segmentOf(1499)).isEqualTo(1);
        assertThat(schedule.segmentOf(1500)).isEqualTo(2);
        assertThat(schedule.offsetNanos(1500)).isEqualTo(20 * SECOND);
        assertThat(schedule.segments().get(3).label()).isEqualTo("step 4 at 200/s");
    }

    @Test
    void saleRampsUpHoldsAndRampsDown() {
        Schedule schedule = Schedule.of(BenchOptions.parse("sale", "--rate", "100", "--ramp-up", "10", "--hold", "20",
                "--ramp-down", "10"));

        assertThat(schedule.segments()).extracting(Schedule.Segment::label).containsExactly("ramp-up", "hold", "ramp-down");
        assertThat(schedule.size()).isEqualTo(500 + 2000 + 500);
        // ramp-up: rate 10*t, so n(t) = 5 t^2 and request j is due at sqrt(j/5)
        assertThat(schedule.offsetNanos(5) / 1e9).isCloseTo(1.0, within(1e-6));
        assertThat(schedule.offsetNanos(125) / 1e9).isCloseTo(5.0, within(1e-6));
        assertThat(schedule.offsetNanos(500)).isEqualTo(10 * SECOND);
        assertThat(schedule.offsetNanos(2499)).isEqualTo(10 * SECOND + SECOND * 1999 / 100);
        // ramp-down: rate 100 - 10t, so n(t) = 100 t - 5 t^2: 375 requests by t = 5
        assertThat(schedule.offsetNanos(2500 + 375) / 1e9).isCloseTo(35.0, within(1e-6));
        assertThat(schedule.offsetNanos(2999)).isLessThan(40 * SECOND);
    }

    @Test
    void intendedTimesNeverGoBackwards() {
        for (String[] args : new String[][] {{"sale", "--rate", "37", "--hold", "0"}, {"step-up", "--max-rate", "120"}}) {
            Schedule schedule = Schedule.of(BenchOptions.parse(args));
            assertThat(IntStream.range(1, schedule.size()))
                    .allMatch(i -> schedule.offsetNanos(i) >= schedule.offsetNanos(i - 1));
            assertThat(schedule.offsetNanos(schedule.size() - 1)).isLessThan(schedule.totalSeconds() * SECOND);
        }
    }
}
