package io.txlab.support.fault;

import io.txlab.contracts.fault.FaultAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultPointsTest {

    @Test
    void aDisabledRegistryRefusesToArmAndPassesEverything() {
        FaultPoints faults = new FaultPoints(false);

        assertThatThrownBy(() -> faults.arm("order.check-back", FaultAction.throwTimes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> faults.pass("order.check-back")).doesNotThrowAnyException();
        assertThat(faults.answersUnknown("order.check-back")).isFalse();
    }

    @Test
    void throwFiresTheGivenNumberOfTimesThenPasses() {
        FaultPoints faults = new FaultPoints(true);
        faults.arm("inventory.consume", FaultAction.throwTimes(2));

        assertThatThrownBy(() -> faults.pass("inventory.consume")).isInstanceOf(InjectedFault.class);
        assertThatThrownBy(() -> faults.pass("inventory.consume")).isInstanceOf(InjectedFault.class);
        assertThatCode(() -> faults.pass("inventory.consume")).doesNotThrowAnyException();
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void unknownIsOnlyAnsweredWhereItIsArmedAndIsNotAThrow() {
        FaultPoints faults = new FaultPoints(true);
        faults.arm("order.check-back", FaultAction.unknown(1));

        assertThatCode(() -> faults.pass("order.check-back")).doesNotThrowAnyException();
        assertThat(faults.answersUnknown("payment.check-back")).isFalse();
        assertThat(faults.answersUnknown("order.check-back")).isTrue();
        assertThat(faults.answersUnknown("order.check-back")).isFalse();
    }
}
