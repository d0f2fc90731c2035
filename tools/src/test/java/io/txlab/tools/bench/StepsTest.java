package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class StepsTest {

    private static final Steps.Slo SLO = new Steps.Slo(1000, 1000);

    @Test
    void theKneeIsTheLastStepThatKeepsUpWithinBothSlos() {
        List<Steps.Step> steps = List.of(step(50, 50, 20, 300), step(100, 99, 40, 600), step(150, 143, 300, 900),
                step(200, 150, 2500, 3000), step(250, 140, 4000, 9000));

        assertThat(Steps.knee(steps, SLO)).contains(steps.get(2));
        assertThat(Steps.firstBreak(steps, SLO)).contains("at 200: achieved 150.0/s < 95 % of offered 200.0/s;"
                + " HTTP p99 2,500 ms ≥ SLO 1000 ms; consistency p99 3,000 ms ≥ SLO 1000 ms");
    }

    @Test
    void aStepUnder95PercentOfOfferedDoesNotHold() {
        Steps.Step step = step(200, 189, 50, 100);

        assertThat(Steps.broken(step, SLO)).containsExactly("achieved 189.0/s < 95 % of offered 200.0/s");
        assertThat(Steps.holds(step(200, 190, 50, 100), SLO)).isTrue();
    }

    @Test
    void anHttpP99AtTheSloDoesNotHold() {
        assertThat(Steps.broken(step(100, 100, 1000, 100), SLO)).containsExactly("HTTP p99 1,000 ms ≥ SLO 1000 ms");
        assertThat(Steps.holds(step(100, 100, 999.9, 100), SLO)).isTrue();
    }

    @Test
    void aStepWhoseOrdersAreStillPendingDoesNotHoldHoweverFastItsHttpAnswers() {
        Steps.Step step = new Steps.Step("step 3 at 300/s", 300, 300, 380, 0, 100,
                consistency(3000, 1000, 0, 2000, 800));

        assertThat(Steps.broken(step, SLO)).containsExactly(
                "33.3 % of its 3,000 orders CONFIRMED or CANCELLED < 95 % (2,000 still PENDING)");
    }

    @Test
    void cancelledOrdersAreConsistentTooButPendingOnesCountAgainst() {
        assertThat(Steps.holds(new Steps.Step("s", 100, 100, 10, 0, 90, consistency(100, 90, 5, 5, 200)), SLO)).isTrue();
        assertThat(Steps.holds(new Steps.Step("s", 100, 100, 10, 0, 90, consistency(100, 90, 4, 6, 200)), SLO)).isFalse();
    }

    @Test
    void aConsistencyP99AtItsSloDoesNotHold() {
        List<Steps.Step> steps = List.of(step(50, 50, 20, 300), step(100, 100, 40, 999.9),
                new Steps.Step("step 3 at 150/s", 150, 150, 60, 0, 150, consistency(1500, 1500, 0, 0, 4210)));
        Steps.Slo tighter = new Steps.Slo(1000, 500);

        assertThat(Steps.knee(steps, SLO)).contains(steps.get(1));
        assertThat(Steps.firstBreak(steps, SLO)).contains("step 3 at 150/s: consistency p99 4,210 ms ≥ SLO 1000 ms");
        assertThat(Steps.knee(steps, tighter)).contains(steps.get(0));
        assertThat(Steps.firstBreak(steps, tighter)).contains("at 100: consistency p99 1,000 ms ≥ SLO 500 ms");
    }

    @Test
    void unknownConsistencyDoesNotHold() {
        Steps.Step step = new Steps.Step("s", 100, 100, 10, 0, 0, null);

        assertThat(Steps.broken(step, SLO)).containsExactly("consistency unknown (the orders could not be read)");
        assertThat(Steps.knee(List.of(step), SLO)).isEmpty();
    }

    @Test
    void aStepThatHoldsAfterOneThatDidNotIsNoKnee() {
        List<Steps.Step> steps = List.of(step(50, 50, 20, 100), step(100, 100, 40, 5000), step(150, 150, 100, 200));

        assertThat(Steps.knee(steps, SLO)).contains(steps.get(0));
        assertThat(Steps.firstBreak(steps, SLO)).hasValueSatisfying(reason -> assertThat(reason).startsWith("at 100: "));
    }

    @Test
    void noKneeWhenTheFirstStepFailsAndNoBreakWhenEveryStepHolds() {
        assertThat(Steps.knee(List.of(step(50, 10, 20, 100)), SLO)).isEmpty();
        assertThat(Steps.knee(List.of(), SLO)).isEmpty();
        assertThat(Steps.firstBreak(List.of(step(50, 50, 20, 100)), SLO)).isEmpty();
        assertThat(Steps.broken(step(0, 0, 0, 0), SLO)).containsExactly("no orders offered");
    }

    @Test
    void stepsMergeTheSecondsOfEachSegmentAndTakeTheConsistencyOfTheOrdersDueInIt() {
        Schedule schedule = Schedule.of(BenchOptions.parse("step-up", "--rate", "1", "--step", "1", "--step-seconds", "2",
                "--max-rate", "2"));
        Recording recording = new Recording();
        recording.offered(0, true);
        recording.offered(1, true);
        recording.completed(1, 0, true, 5_000_000, OpenLoop.Result.ok("a"));
        recording.completed(2, 1, true, 9_000_000, OpenLoop.Result.failed("HTTP 503"));

        List<Steps.Step> steps = Steps.of(schedule, recording, List.of(consistency(1, 1, 0, 0, 50),
                consistency(0, 0, 0, 0, 0)));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).offeredRate()).isEqualTo(1.0);
        assertThat(steps.get(0).achievedRate()).isEqualTo(0.5);
        assertThat(steps.get(0).p99Ms()).isCloseTo(5.0, within(0.01));
        assertThat(steps.get(0).confirmedRate()).isEqualTo(0.5);
        assertThat(steps.get(0).consistency().confirmed()).isEqualTo(1);
        assertThat(steps.get(1).errors()).isEqualTo(1);
        assertThat(Steps.of(schedule, recording, null)).allSatisfy(step -> assertThat(step.consistency()).isNull());
    }

    @Test
    void anOrderBelongsToTheStepItsRequestWasDueInNotTheOneItWasAnsweredIn() {
        Recording recording = new Recording();
        recording.completed(3, 1, true, 2_500_000_000L, OpenLoop.Result.ok("late"));
        recording.completed(2, 2, true, 5_000_000, OpenLoop.Result.ok("prompt"));
        recording.completed(2, 2, true, 5_000_000, OpenLoop.Result.failed("HTTP 503"));
        recording.completed(2, 2, false, 5_000_000, OpenLoop.Result.ok(""));

        assertThat(recording.acceptedIdsDue(0, 2)).containsExactly("late");
        assertThat(recording.acceptedIdsDue(2, 4)).containsExactly("prompt");
    }

    private static Steps.Step step(double offered, double achieved, double httpP99Ms, double consistencyP99Ms) {
        long orders = Math.round(achieved * 10);
        return new Steps.Step("at " + (long) offered, offered, achieved, httpP99Ms, 0, achieved,
                consistency(orders, orders, 0, 0, consistencyP99Ms));
    }

    private static ConsistencyReader.Consistency consistency(long orders, long confirmed, long cancelled, long pending,
                                                             double p99Ms) {
        return new ConsistencyReader.Consistency(orders, confirmed, cancelled, pending, pending == 0, 1.0, confirmed,
                new LatencySummary(confirmed, p99Ms / 2, p99Ms, p99Ms, p99Ms));
    }
}
