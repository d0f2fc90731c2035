package io.txlab.support.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import org.junit.jupiter.api.Test;

class FaultPointsTest {

    @Test
    void aDisabledRegistryRefusesToArmAndPassesEverything() {
        FaultPoints faults = new FaultPoints("order", false);

        assertThatThrownBy(() -> faults.arm(FaultPoint.CHECK_BACK, FaultAction.throwTimes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> faults.pass(FaultPoint.CHECK_BACK)).doesNotThrowAnyException();
        assertThat(faults.answersUnknown(FaultPoint.CHECK_BACK)).isFalse();
    }

    @Test
    void throwFiresTheGivenNumberOfTimesThenPasses() {
        FaultPoints faults = new FaultPoints("inventory", true);
        faults.arm(FaultPoint.CONSUME, FaultAction.throwTimes(2));

        assertThatThrownBy(() -> faults.pass(FaultPoint.CONSUME)).isInstanceOf(InjectedFault.class)
                .hasMessage("fault injected at inventory.consume");
        assertThatThrownBy(() -> faults.pass(FaultPoint.CONSUME)).isInstanceOf(InjectedFault.class);
        assertThatCode(() -> faults.pass(FaultPoint.CONSUME)).doesNotThrowAnyException();
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void unknownIsOnlyAnsweredWhereItIsArmedAndIsNotAThrow() {
        FaultPoints faults = new FaultPoints("order", true);
        faults.arm(FaultPoint.CHECK_BACK, FaultAction.unknown(1));

        assertThatCode(() -> faults.pass(FaultPoint.CHECK_BACK)).doesNotThrowAnyException();
        assertThat(faults.answersUnknown(FaultPoint.AFTER_LOCAL_COMMIT)).isFalse();
        assertThat(faults.answersUnknown(FaultPoint.CHECK_BACK)).isTrue();
        assertThat(faults.answersUnknown(FaultPoint.CHECK_BACK)).isFalse();
    }

    @Test
    void armedFaultsAreListedByTheirNamesInThisService() {
        FaultPoints faults = new FaultPoints("payment", true);
        faults.arm(FaultPoint.BEFORE_APPLY, FaultAction.throwTimes(1));

        assertThat(faults.armed()).containsOnlyKeys("payment.before-apply");
    }

    @Test
    void aPointThisServiceNeverPassesCannotBeArmed() {
        FaultPoints faults = new FaultPoints("inventory", true);

        assertThatThrownBy(() -> faults.arm(FaultPoint.OUTBOX_RELAY, FaultAction.throwTimes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inventory.outbox-relay");
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void theCatalogueKeepsTheNamesTheAdminApiAndTheToolsUse() {
        assertThat(FaultPoint.of("order").stream().map(point -> point.nameIn("order")))
                .containsExactly("order.before-local-tx", "order.in-local-tx", "order.after-local-commit",
                        "order.check-back", "order.consume", "order.after-db-commit", "order.between-commit-and-send",
                        "order.outbox-relay", "order.flash-placement", "order.flash-reconcile-job");
        assertThat(FaultPoint.of("payment").stream().map(point -> point.nameIn("payment")))
                .containsExactly("payment.before-local-tx", "payment.in-local-tx", "payment.after-local-commit",
                        "payment.check-back", "payment.consume", "payment.after-db-commit", "payment.before-apply",
                        "payment.before-reply", "payment.compensate");
        assertThat(FaultPoint.named("inventory", "inventory.before-reply")).contains(FaultPoint.BEFORE_REPLY);
        assertThat(FaultPoint.named("order", "order.before-reply")).isEmpty();
        assertThat(FaultPoint.named("order", "inventory.consume")).isEmpty();
    }
}
