package io.txlab.support.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** traceparent parsing and formatting as the W3C Trace Context recommendation has it. */
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String VALID = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void readsAValidTraceparentAndItsTracestate() {
        TraceContext context = TraceContext.parse(VALID, "congo=t61rcWkgMzE").orElseThrow();

        assertThat(context.traceId()).isEqualTo(TRACE_ID);
        assertThat(context.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.flags()).isEqualTo("01");
        assertThat(context.traceState()).isEqualTo("congo=t61rcWkgMzE");
        assertThat(context.traceparent()).isEqualTo(VALID);
    }

    @Test
    void aFutureVersionIsReadByItsFirstFields() {
        assertThat(TraceContext.parse("cc-" + TRACE_ID + "-00f067aa0ba902b7-01-what-comes-next", null))
                .hasValueSatisfying(context -> assertThat(context.traceparent()).isEqualTo(VALID));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "00-" + TRACE_ID + "-00f067aa0ba902b7-0",
            "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-0000000000000000-01",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00_" + TRACE_ID + "-00f067aa0ba902b7-01",
            "0x-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-00f067aa0ba902bz-01"})
    void ignoresAMalformedTraceparent(String traceparent) {
        assertThat(TraceContext.parse(traceparent, "congo=t61rcWkgMzE")).isEmpty();
    }

    @Test
    void aMalformedTraceparentStartsANewTraceWithoutTheTracestate() {
        TraceContext context = TraceContext.continueOrStart("00-nonsense", "congo=t61rcWkgMzE");

        assertThat(context.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
        assertThat(context.spanId()).matches("[0-9a-f]{16}");
        assertThat(context.traceState()).isNull();
        assertThat(TraceContext.parse(context.traceparent(), null)).contains(context);
    }

    @Test
    void continuingKeepsTheTraceAndMakesANewSpan() {
        TraceContext context = TraceContext.continueOrStart(VALID, "congo=t61rcWkgMzE");

        assertThat(context.traceId()).isEqualTo(TRACE_ID);
        assertThat(context.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(context.traceState()).isEqualTo("congo=t61rcWkgMzE");
    }

    @Test
    void newTracesDiffer() {
        assertThat(TraceContext.newTrace().traceId()).isNotEqualTo(TraceContext.newTrace().traceId());
    }

    @Test
    void anOverlongTracestateIsNotPassedOn() {
        assertThat(TraceContext.parse(VALID, "a=" + "x".repeat(600)).orElseThrow().traceState()).isNull();
    }
}
