package io.txlab.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PurchaseOutcomeTest {

    @Test
    void statusesOfTheContract() {
        assertThat(PurchaseOutcome.of(202, "")).isEqualTo(PurchaseOutcome.ACCEPTED);
        assertThat(PurchaseOutcome.of(429, null)).isEqualTo(PurchaseOutcome.RATE_LIMITED);
        assertThat(PurchaseOutcome.of(503, "")).isEqualTo(PurchaseOutcome.UNAVAILABLE);
    }

    @Test
    void conflictsByTheEndOfTheProblemType() {
        assertThat(PurchaseOutcome.of(409, "https://txlab.io/problems/sold-out")).isEqualTo(PurchaseOutcome.SOLD_OUT);
        assertThat(PurchaseOutcome.of(409, "urn:txlab:flash-sale:already-bought")).isEqualTo(PurchaseOutcome.ALREADY_BOUGHT);
        assertThat(PurchaseOutcome.of(409, "/problems/not-started")).isEqualTo(PurchaseOutcome.OTHER_CONFLICT);
        assertThat(PurchaseOutcome.of(409, "/problems/ended")).isEqualTo(PurchaseOutcome.OTHER_CONFLICT);
        assertThat(PurchaseOutcome.of(409, "")).isEqualTo(PurchaseOutcome.OTHER_CONFLICT);
        assertThat(PurchaseOutcome.of(409, null)).isEqualTo(PurchaseOutcome.OTHER_CONFLICT);
        // the end decides, not a mention elsewhere
        assertThat(PurchaseOutcome.of(409, "/sold-out/not-started")).isEqualTo(PurchaseOutcome.OTHER_CONFLICT);
    }

    @Test
    void anythingElseIsAnError() {
        for (int status : new int[] {200, 201, 400, 404, 500, 502}) {
            assertThat(PurchaseOutcome.of(status, "/problems/sold-out")).isEqualTo(PurchaseOutcome.ERROR);
        }
    }

    @Test
    void rejectedMeansEvery409AndThe429() {
        assertThat(PurchaseOutcome.REJECTED).containsExactlyInAnyOrder(PurchaseOutcome.SOLD_OUT, PurchaseOutcome.ALREADY_BOUGHT,
                PurchaseOutcome.OTHER_CONFLICT, PurchaseOutcome.RATE_LIMITED);
    }
}
