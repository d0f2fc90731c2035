package io.txlab.contracts.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampRangeTest {

    @Test
    void holdsWhatEveryTimestampColumnHoldsAndNothingElse() {
        assertThat(TimestampRange.contains(TimestampRange.EARLIEST)).isTrue();
        assertThat(TimestampRange.contains(TimestampRange.LATEST)).isTrue();
        assertThat(TimestampRange.contains(Instant.parse("2026-11-22T10:00:00Z"))).isTrue();
        assertThat(TimestampRange.contains(Instant.EPOCH)).isFalse();
        assertThat(TimestampRange.contains(TimestampRange.LATEST.plusSeconds(1))).isFalse();
        assertThat(TimestampRange.contains(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
    }
}
