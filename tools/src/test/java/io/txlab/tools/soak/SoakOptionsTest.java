package io.txlab.tools.soak;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoakOptionsTest {

    private static SoakOptions parse(String... args) {
        return SoakOptions.parse(args, Path.of("reports"));
    }

    @Test
    void defaultsAreAShortRunWithEveryFault() {
        SoakOptions options = parse();
        assertThat(options.length()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.faults()).containsExactly(FaultKind.values());
        assertThat(options.faultNames()).isEqualTo("all");
        assertThat(options.flashEvery()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.reportDir()).isEqualTo(Path.of("reports"));
        assertThat(options.seed()).isPositive();
    }

    @Test
    void optionsAreTakenAsGiven() {
        SoakOptions options = parse("--minutes", "35", "--rate", "30", "--seed", "20261207", "--faults",
                "kill-order,fault-point", "--flash-every", "0", "--settle-seconds", "600", "--report", "out");
        assertThat(options.length()).isEqualTo(Duration.ofMinutes(35));
        assertThat(options.rate()).isEqualTo(30);
        assertThat(options.seed()).isEqualTo(20261207);
        assertThat(options.faultNames()).isEqualTo("kill-order,fault-point");
        assertThat(options.flashEvery()).isZero();
        assertThat(options.settleLimit()).isEqualTo(Duration.ofSeconds(600));
        assertThat(options.reportDir()).isEqualTo(Path.of("out"));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parse("--minutes")).hasMessageContaining("takes a value");
        assertThatThrownBy(() -> parse("--minutes", "ten")).hasMessageContaining("--minutes takes a number");
        assertThatThrownBy(() -> parse("--rate", "0")).hasMessageContaining("--rate must be between");
        assertThatThrownBy(() -> parse("--rate", "NaN")).hasMessageContaining("--rate must be between");
        assertThatThrownBy(() -> parse("--seed", "1.5")).hasMessageContaining("--seed takes a whole number");
        assertThatThrownBy(() -> parse("--faults", "nope")).hasMessageContaining("no fault kind 'nope'");
        assertThatThrownBy(() -> parse("--duration", "5")).hasMessageContaining("unknown option --duration");
    }
}
