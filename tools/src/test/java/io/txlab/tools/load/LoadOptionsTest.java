package io.txlab.tools.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaults() {
        LoadOptions options = LoadOptions.parse("flash");

        assertThat(options).isEqualTo(new LoadOptions(100, 2000, 2, 32, 6));
        assertThat(options.requests()).isEqualTo(4000);
        assertThat(options.lastBuyer()).isEqualTo(3000);
    }

    @Test
    void everyOptionWithSpaceOrEquals() {
        assertThat(LoadOptions.parse("flash", "--units", "50", "--buyers=300", "--requests-per-buyer", "3",
                "--concurrency=8", "--product", "5")).isEqualTo(new LoadOptions(50, 300, 3, 8, 5));
    }

    @Test
    void aBuyersRequestsAreConsecutiveFromUser1001() {
        LoadOptions options = LoadOptions.parse("flash", "--buyers", "3", "--requests-per-buyer", "2");

        assertThat(new long[] {options.buyer(0), options.buyer(1), options.buyer(2), options.buyer(5)})
                .containsExactly(1001, 1001, 1002, 1003);
    }

    @Test
    void theProfileMustBeFlash() {
        assertThatThrownBy(LoadOptions::parse).hasMessage("no load profile given; the only profile is flash");
        assertThatThrownBy(() -> LoadOptions.parse("soak", "--units", "5"))
                .hasMessage("no load profile 'soak'; the only profile is flash");
        assertThatThrownBy(() -> LoadOptions.parse("--units", "5"))
                .hasMessage("no load profile '--units'; the only profile is flash");
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--units", "0"))
                .hasMessage("--units must be a whole number from 1 to 1000000, not '0'");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--buyers", "2001"))
                .hasMessage("--buyers must be a whole number from 1 to 2000 (the funded flash buyers are users"
                        + " 1001..3000), not '2001'");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--concurrency", "many"))
                .hasMessage("--concurrency must be a whole number from 1 to 1024, not 'many'");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--product=9"))
                .hasMessage("--product must be a whole number from 1 to 6 (products 1..6 exist; 6 is stocked for flash sales), not '9'");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--requests-per-buyer", "-1"))
                .hasMessage("--requests-per-buyer must be a whole number from 1 to 1000, not '-1'");
    }

    @Test
    void missingValuesUnknownAndRepeatedOptionsAreRefused() {
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--units")).hasMessage("--units needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--units", "--buyers", "5"))
                .hasMessage("--units needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--rate", "5")).hasMessage("unknown option '--rate'");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "100")).hasMessage("unknown option '100'");
        assertThatThrownBy(() -> LoadOptions.parse("flash", "--units", "5", "--units=6"))
                .hasMessage("--units is given twice");
    }
}
