package io.txlab.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final BenchOptions.FlashPhase NO_FLASH = new BenchOptions.FlashPhase(0, 400, 500);

    @Test
    void eachProfileHasItsDefaults() {
        assertThat(BenchOptions.parse("constant"))
                .isEqualTo(new BenchOptions(Profile.CONSTANT, 100, 30, 50, 10, 500, 1000, 1000, 10, 20, 10, 1024, 60,
                        NO_FLASH, Rotation.NONE, 0));
        assertThat(BenchOptions.parse("step-up").rate()).isEqualTo(50);
        assertThat(BenchOptions.parse("step-up").maxRate()).isEqualTo(500);
        assertThat(BenchOptions.parse("sale").rate()).isEqualTo(100);
        assertThat(BenchOptions.parse("mixed").rate()).isEqualTo(100);
    }

    @Test
    void optionsWithSpaceOrEquals() {
        BenchOptions options = BenchOptions.parse("step-up", "--rate", "20", "--step=10", "--step-seconds", "5",
                "--max-rate=100", "--slo-ms", "250", "--consistency-slo-ms=4000", "--connections", "16",
                "--settle-seconds", "300");

        assertThat(options).isEqualTo(new BenchOptions(Profile.STEP_UP, 20, 30, 10, 5, 100, 250, 4000, 10, 20, 10, 16,
                300, NO_FLASH, Rotation.NONE, 0));
        assertThat(BenchOptions.parse("sale", "--ramp-up=5", "--hold", "0", "--ramp-down", "3"))
                .extracting(BenchOptions::rampUpSeconds, BenchOptions::holdSeconds, BenchOptions::rampDownSeconds)
                .containsExactly(5, 0, 3);
    }

    @Test
    void everyProfileTakesASettleLimitButOnlyStepUpAConsistencySlo() {
        for (Profile profile : Profile.values()) {
            assertThat(BenchOptions.parse(profile.cliName(), "--settle-seconds", "0").settleSeconds()).isZero();
        }
        assertThat(BenchOptions.parse("step-up").consistencySloMillis()).isEqualTo(1000);
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--consistency-slo-ms", "500"))
                .hasMessage("--consistency-slo-ms does not apply to the constant profile");
        assertThatThrownBy(() -> BenchOptions.parse("step-up", "--consistency-slo-ms", "0"))
                .hasMessage("--consistency-slo-ms must be a whole number from 1 to 600000, not '0'");
        assertThatThrownBy(() -> BenchOptions.parse("step-up", "--consistency-slo-ms=1s"))
                .hasMessage("--consistency-slo-ms must be a whole number from 1 to 600000, not '1s'");
        assertThatThrownBy(() -> BenchOptions.parse("sale", "--settle-seconds", "-5"))
                .hasMessage("--settle-seconds must be a whole number from 0 to 86400, not '-5'");
        assertThatThrownBy(() -> BenchOptions.parse("step-up", "--settle-seconds"))
                .hasMessage("--settle-seconds needs a value");
    }

    @Test
    void theProfileComesFirstAndMustExist() {
        assertThatThrownBy(BenchOptions::parse)
                .hasMessage("no load profile given; the profiles are constant, step-up, sale, mixed, compare");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "5"))
                .hasMessage("no load profile given; the profiles are constant, step-up, sale, mixed, compare");
        assertThatThrownBy(() -> BenchOptions.parse("soak"))
                .hasMessage("no load profile 'soak'; the profiles are constant, step-up, sale, mixed, compare");
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--rate", "0"))
                .hasMessage("--rate must be a whole number from 1 to 100000, not '0'");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--duration=fast"))
                .hasMessage("--duration must be a whole number from 1 to 86400, not 'fast'");
        assertThatThrownBy(() -> BenchOptions.parse("step-up", "--rate", "600"))
                .hasMessage("--max-rate (500) must not be below --rate (600)");
        assertThatThrownBy(() -> BenchOptions.parse("mixed", "--rate", "5"))
                .hasMessage("--rate must be at least 10 for mixed (a tenth of the requests are orders)");
    }

    @Test
    void unknownMisplacedMissingAndRepeatedOptionsAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--speed", "5")).hasMessage("unknown option '--speed'");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--step", "5"))
                .hasMessage("--step does not apply to the constant profile");
        assertThatThrownBy(() -> BenchOptions.parse("sale", "--duration", "5"))
                .hasMessage("--duration does not apply to the sale profile");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--rate")).hasMessage("--rate needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--rate", "--duration", "5"))
                .hasMessage("--rate needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--rate", "5", "--rate=6"))
                .hasMessage("--rate is given twice");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "5"))
                .hasMessage("unexpected argument '5' (options start with --)");
    }

    @Test
    void theGoneWorkersOptionSaysWhatReplacedIt() {
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--workers", "64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--workers is gone").hasMessageContaining("--connections");
    }

    @Test
    void compareTakesARateADurationAndItsFlashPhase() {
        BenchOptions defaults = BenchOptions.parse("compare");

        assertThat(defaults).extracting(BenchOptions::rate, BenchOptions::durationSeconds, BenchOptions::connections)
                .containsExactly(150, 30, 1024);
        assertThat(defaults.flash()).isEqualTo(new BenchOptions.FlashPhase(10, 400, 500));
        assertThat(BenchOptions.parse("compare", "--rate", "30", "--duration=30", "--flash-seconds", "2",
                "--flash-rate=50", "--flash-units", "5").flash()).isEqualTo(new BenchOptions.FlashPhase(2, 50, 5));
        assertThat(BenchOptions.parse("compare", "--flash-seconds", "0").flash().seconds()).isZero();
        assertThat(BenchOptions.parse("constant").flash().seconds()).as("no flash phase but in compare").isZero();
    }

    @Test
    void compareRefusesWhatItCannotRun() {
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--rate", "1", "--duration", "2"))
                .hasMessage("compare needs at least 3 orders (--rate x --duration), one for each way:"
                        + " transactional, outbox, dual-write");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--flash-seconds", "-1"))
                .hasMessage("--flash-seconds must be a whole number from 0 to 3600, not '-1'");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--flash-units", "0"))
                .hasMessage("--flash-units must be a whole number from 1 to 1000000, not '0'");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--flash-rate", "5"))
                .hasMessage("--flash-rate does not apply to the constant profile");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--step", "5"))
                .hasMessage("--step does not apply to the compare profile");
    }

    @Test
    void compareRotatesInBlocksOf10SecondsByDefault() {
        assertThat(BenchOptions.parse("compare")).extracting(BenchOptions::rotation, BenchOptions::blockSeconds)
                .containsExactly(Rotation.BLOCK, 10);
        assertThat(BenchOptions.parse("compare", "--rotation", "block", "--block-seconds=2", "--duration", "6"))
                .extracting(BenchOptions::rotation, BenchOptions::blockSeconds).containsExactly(Rotation.BLOCK, 2);
        assertThat(BenchOptions.parse("compare", "--rotation=request", "--duration", "3"))
                .extracting(BenchOptions::rotation, BenchOptions::blockSeconds).containsExactly(Rotation.REQUEST, 0);
        assertThat(BenchOptions.parse("constant")).extracting(BenchOptions::rotation, BenchOptions::blockSeconds)
                .containsExactly(Rotation.NONE, 0);
    }

    @Test
    void badRotationsAndBlocksAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--rotation", "order"))
                .hasMessage("--rotation must be request or block, not 'order'");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--rotation"))
                .hasMessage("--rotation needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--block-seconds", "1"))
                .hasMessage("--block-seconds must be a whole number from 2 to 3600, not '1'");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--rotation", "request", "--block-seconds", "5"))
                .hasMessage("--block-seconds applies only to --rotation block");
        assertThatThrownBy(() -> BenchOptions.parse("compare", "--duration", "20"))
                .hasMessage("--rotation block needs --duration of at least 3 x --block-seconds (30 s), a block for"
                        + " each way: transactional, outbox, dual-write");
        assertThatThrownBy(() -> BenchOptions.parse("constant", "--rotation", "block"))
                .hasMessage("--rotation does not apply to the constant profile");
        assertThatThrownBy(() -> BenchOptions.parse("mixed", "--block-seconds", "5"))
                .hasMessage("--block-seconds does not apply to the mixed profile");
    }
}
