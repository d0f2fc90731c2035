package io.txlab.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.txlab.contracts.fault.FaultAction;
import org.junit.jupiter.api.Test;

class FaultArmingTest {

    @Test
    void anActionGoesByItsLowerCaseNameWithItsTimes() {
        assertThat(FaultArming.body("order.after-local-commit", new FaultAction(FaultAction.Kind.DROP_END_TRANSACTION, 3, null)))
                .isEqualTo("{\"point\":\"order.after-local-commit\",\"action\":\"drop-end-transaction\",\"times\":3}");
        assertThat(FaultArming.describe(FaultAction.throwTimes(3))).isEqualTo("throw x3");
        assertThat(FaultArming.describe(FaultAction.crash())).isEqualTo("crash");
    }

    @Test
    void aDelayThatFiresAlwaysSendsNoTimes() {
        assertThat(FaultArming.body("inventory.consume", FaultAction.delay(Duration.ofMillis(500))))
                .isEqualTo("{\"point\":\"inventory.consume\",\"action\":\"delay\",\"delayMs\":500}");
        assertThat(FaultArming.body("inventory.consume", new FaultAction(FaultAction.Kind.DELAY, 2,
                Duration.ofMillis(500)))).isEqualTo(
                "{\"point\":\"inventory.consume\",\"action\":\"delay\",\"times\":2,\"delayMs\":500}");
        assertThat(FaultArming.describe(FaultAction.delay(Duration.ofMillis(500)))).isEqualTo("delay 500 ms");
    }
}
