package io.txlab.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StepsTest {

    private static final int SLO = 1000;

    @Test
    void theKneeIsTheLastStepThatKeepsUpWithinTheSlo() {
        List<Steps.Step> steps = List.of(step(50, 50, 20), step(100, 99, 40), step(150, 143, 300),
                step(200, 150, 2500), step(250, 140, 4000));

        assertThat(Steps.knee(steps, SLO)).contains(steps.get(2));
    }

    @Test
    void aStepUnder95PercentOfOfferedDoesNotHoldEvenWithinTheSlo() {
        List<Steps.Step> steps = List.of(step(100, 100, 20), step(200, 189, 50));

        assertThat(Steps.holds(steps.get(1), SLO)).isFalse();
        assertThat(Steps.knee(steps, SLO)).contains(steps.get(0));
    }

    @Test
    void aP99AtTheSloDoesNotHold() {
        assertThat(Steps.holds(step(100, 100, 1000), SLO)).isFalse();
        assertThat(Steps.holds(step(100, 100, 999.9), SLO)).isTrue();
    }

    @Test
    void aStepThatHoldsAfterOneThatDidNotIsNoKnee() {
        List<Steps.Step> steps = List.of(step(50, 50, 20), step(100, 60, 1500), step(150, 150, 100));

        assertThat(Steps.knee(steps, SLO)).contains(steps.get(0));
    }

    @Test
    void noKneeWhenTheFirstStepFails() {
        assertThat(Steps.knee(List.of(step(50, 10, 20)), SLO)).isEmpty();
        assertThat(Steps.knee(List.of(), SLO)).isEmpty();
    }

    @Test
    void stepsMergeTheSecondsOfEachSegment() {
        Schedule schedule = Schedule.of(BenchOptions.parse("step-up", "--rate", "1", "--step", "1", "--step-seconds", "2",
                "--max-rate", "2"));
        Recording recording = new Recording();
        recording.offered(0, true);
        recording.offered(1, true);
        recording.completed(1, true, 5_000_000, OpenLoop.Result.ok("a"));
        recording.completed(2, true, 9_000_000, OpenLoop.Result.failed("HTTP 503"));

        List<Steps.Step> steps = Steps.of(schedule, recording);

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).offeredRate()).isEqualTo(1.0);
        assertThat(steps.get(0).achievedRate()).isEqualTo(0.5);
        assertThat(steps.get(0).p99Ms()).isCloseTo(5.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(steps.get(1).errors()).isEqualTo(1);
    }

    private static Steps.Step step(double offered, double achieved, double p99Ms) {
        return new Steps.Step("at " + offered, offered, achieved, p99Ms, 0);
    }
}
