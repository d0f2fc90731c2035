package io.txlab.support.audit;

import io.txlab.contracts.timeline.Steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineEntryTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00.123Z");

    private static TimelineEntry at(Instant at, String step) {
        return new TimelineEntry(at, "inventory", step, step, null, null);
    }

    @Test
    void entriesAreOrderedByTime() {
        List<TimelineEntry> sorted = TimelineEntry.sorted(List.of(at(T.plusMillis(5), Steps.CHECK_BACK),
                at(T, Steps.LOCAL_TX_COMMITTED)));

        assertThat(sorted).extracting(TimelineEntry::step).containsExactly(Steps.LOCAL_TX_COMMITTED, Steps.CHECK_BACK);
    }

    /** Steps of one local transaction often share a millisecond: sent, consumed, applied, then committed. */
    @Test
    void withinOneMillisecondTheyFollowTheOrderOfALocalTransaction() {
        List<TimelineEntry> sorted = TimelineEntry.sorted(List.of(at(T, Steps.LOCAL_TX_COMMITTED),
                at(T, Steps.STOCK_DEDUCTED), at(T, Steps.CONSUMED), at(T, Steps.HALF_MESSAGE_SENT)));

        assertThat(sorted).extracting(TimelineEntry::step).containsExactly(Steps.HALF_MESSAGE_SENT, Steps.CONSUMED,
                Steps.STOCK_DEDUCTED, Steps.LOCAL_TX_COMMITTED);
    }

    @Test
    void anUnknownStepSortsLastAmongItsMillisecond() {
        List<TimelineEntry> sorted = TimelineEntry.sorted(List.of(at(T, "SOMETHING_NEW"), at(T, Steps.DEDUP_HIT)));

        assertThat(sorted).extracting(TimelineEntry::step).containsExactly(Steps.DEDUP_HIT, "SOMETHING_NEW");
    }
}
