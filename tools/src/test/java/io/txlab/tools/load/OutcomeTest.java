package io.txlab.tools.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void statusesOfTheContract() {
        assertThat(Outcome.of(202, "")).isEqualTo(Outcome.ACCEPTED);
        assertThat(Outcome.of(429, null)).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(Outcome.of(503, "")).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void conflictsByTheEndOfTheProblemType() {
        assertThat(Outcome.of(409, "https://txlab.io/problems/sold-out")).isEqualTo(Outcome.SOLD_OUT);
        assertThat(Outcome.of(409, "urn:txlab:flash-sale:already-bought")).isEqualTo(Outcome.ALREADY_BOUGHT);
        assertThat(Outcome.of(409, "/problems/not-started")).isEqualTo(Outcome.OTHER_CONFLICT);
        assertThat(Outcome.of(409, "/problems/ended")).isEqualTo(Outcome.OTHER_CONFLICT);
        assertThat(Outcome.of(409, "")).isEqualTo(Outcome.OTHER_CONFLICT);
        assertThat(Outcome.of(409, null)).isEqualTo(Outcome.OTHER_CONFLICT);
        // the end decides, not a mention elsewhere
        assertThat(Outcome.of(409, "/sold-out/not-started")).isEqualTo(Outcome.OTHER_CONFLICT);
    }

    @Test
    void anythingElseIsAnError() {
        for (int status : new int[] {200, 201, 400, 404, 500, 502}) {
            assertThat(Outcome.of(status, "/problems/sold-out")).isEqualTo(Outcome.ERROR);
        }
    }

    @Test
    void rejectedMeansEvery409AndThe429() {
        assertThat(Outcome.REJECTED).containsExactlyInAnyOrder(Outcome.SOLD_OUT, Outcome.ALREADY_BOUGHT,
                Outcome.OTHER_CONFLICT, Outcome.RATE_LIMITED);
    }
}
