package io.txlab.tools.soak;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SoakReportTest {

    private static FaultRecord record(double recovery) {
        return new FaultRecord(new PlannedFault(1, FaultKind.KILL_ORDER, "order-service", "", null, 2, 1),
                10, 30, recovery, List.of(), "");
    }

    @Test
    void recoveryPercentilesCoverTheRecoveredFaultsAndCountTheOthers() {
        SoakReport.Recovery recovery = SoakRun.recovery(List.of(record(3), record(1), record(-1), record(20), record(2)));
        assertThat(recovery.recovered()).isEqualTo(4);
        assertThat(recovery.notRecovered()).isEqualTo(1);
        assertThat(recovery.p50Seconds()).isEqualTo(2);
        assertThat(recovery.maxSeconds()).isEqualTo(20);
    }

    @Test
    void aLostOrderAFaultNotRecoveredFromOrAViolatedInvariantFailsTheSoak() {
        SoakReport.Recovery fine = new SoakReport.Recovery(3, 0, 1, 2, 2);
        SoakReport.Checker holds = new SoakReport.Checker(true, List.of());
        assertThat(SoakReport.violations(0, fine, holds)).isEmpty();
        assertThat(SoakReport.violations(2, fine, holds)).containsExactly("2 lost order(s)");
        assertThat(SoakReport.violations(0, new SoakReport.Recovery(3, 1, 1, 2, 2), holds)).singleElement()
                .asString().contains("did not recover");
        assertThat(SoakReport.violations(0, fine, new SoakReport.Checker(false, List.of()))).singleElement()
                .asString().contains("invariant");
    }

    @Test
    void retriesBackOffUpToAFewSeconds() {
        assertThat(OrderLoad.backoff(1).toMillis()).isEqualTo(500);
        assertThat(OrderLoad.backoff(2).toMillis()).isEqualTo(1000);
        assertThat(OrderLoad.backoff(4).toMillis()).isEqualTo(4000);
        assertThat(OrderLoad.backoff(30).toMillis()).isEqualTo(5000);
    }
}
