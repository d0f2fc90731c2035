package io.txlab.tools.soak;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultAction.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {

    private static final Map<String, List<String>> POINTS = Map.of(
            "order", List.of("order.before-local-tx", "order.in-local-tx", "order.after-local-commit",
                    "order.check-back", "order.consume", "order.between-commit-and-send", "order.outbox-relay"),
            "inventory", List.of("inventory.consume", "inventory.after-db-commit", "inventory.before-reply"),
            "payment", List.of("payment.consume", "payment.after-db-commit", "payment.compensate"));

    private static List<PlannedFault> first(int n, long seed, Set<FaultKind> kinds) {
        FaultPlan plan = new FaultPlan(seed, kinds, POINTS);
        return IntStream.range(0, n).mapToObj(i -> plan.next()).toList();
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        Set<FaultKind> all = FaultKind.parse("all");
        assertThat(first(200, 42, all)).isEqualTo(first(200, 42, all));
        assertThat(first(200, 43, all)).isNotEqualTo(first(200, 42, all));
    }

    @Test
    void everyKindComesUpAndCheapFaultsMostOften() {
        List<PlannedFault> faults = first(2000, 7, FaultKind.parse("all"));
        assertThat(faults).extracting(PlannedFault::kind).containsAll(EnumSet.allOf(FaultKind.class));
        long points = faults.stream().filter(f -> f.kind() == FaultKind.FAULT_POINT).count();
        long redisRestarts = faults.stream().filter(f -> f.kind() == FaultKind.REDIS_RESTART).count();
        assertThat(points).isGreaterThan(4 * redisRestarts);
    }

    @Test
    void onlyTheChosenKindsAreScheduled() {
        assertThat(first(100, 1, FaultKind.parse("kill-order,redis-pause")))
                .extracting(PlannedFault::kind).containsOnly(FaultKind.KILL_ORDER, FaultKind.REDIS_PAUSE);
    }

    @Test
    void faultPointsAreOnesTheLoadPassesWithActionsThatFitThem() {
        List<PlannedFault> points = first(3000, 11, EnumSet.of(FaultKind.FAULT_POINT));
        assertThat(points).extracting(PlannedFault::point)
                .doesNotContain("order.between-commit-and-send", "order.outbox-relay")
                .contains("order.after-local-commit", "inventory.before-reply", "payment.compensate");
        assertThat(points).allSatisfy(fault -> {
            assertThat(fault.service()).isEqualTo(fault.point().substring(0, fault.point().indexOf('.')) + "-service");
            FaultAction action = fault.action();
            if (action.kind() == Kind.DROP_END_TRANSACTION) {
                assertThat(fault.point()).endsWith(".after-local-commit");
            }
            if (action.kind() == Kind.UNKNOWN) {
                assertThat(fault.point()).matches(".*\\.(in-local-tx|after-local-commit|check-back)");
            }
            if (action.kind() == Kind.DELAY) {
                assertThat(action.delay().toMillis()).isBetween(200L, 2000L);
                assertThat(fault.armBody()).contains("\"delayMs\":" + action.delay().toMillis()).doesNotContain("times");
            } else {
                assertThat(action.times()).isBetween(1, 10);
                assertThat(fault.armBody()).contains("\"times\":" + action.times());
            }
        });
        assertThat(points).extracting(fault -> fault.action().kind()).contains(Kind.values());
    }

    @Test
    void aMidBatchKillHaltsAParticipantAfterItsBatchCommitted() {
        List<PlannedFault> kills = first(50, 3, EnumSet.of(FaultKind.KILL_MID_BATCH));
        assertThat(kills).extracting(PlannedFault::point)
                .containsOnly("inventory.after-db-commit", "payment.after-db-commit");
        assertThat(kills).extracting(PlannedFault::action).containsOnly(FaultAction.crash());
    }

    @Test
    void unknownKindsAreRefusedByName() {
        assertThatThrownBy(() -> FaultKind.parse("kill-order,kill-everything"))
                .hasMessageContaining("kill-everything").hasMessageContaining("redis-restart");
    }
}
