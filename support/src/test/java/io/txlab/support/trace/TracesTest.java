package io.txlab.support.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which trace a row or a message of an order gets on the current thread. */
class TracesTest {

    private final TraceContext first = TraceContext.newTrace();
    private final TraceContext second = TraceContext.newTrace();

    @Test
    void aBatchGivesEachOrderItsOwnTrace() {
        try (var scope = Traces.openForOrders(Map.of("o-1", first, "o-2", second))) {
            assertThat(Traces.traceIdOf("o-1")).isEqualTo(first.traceId());
            assertThat(Traces.traceIdOf("o-2")).isEqualTo(second.traceId());
            assertThat(Traces.forOrder("o-3")).isEmpty();
        }
    }

    @Test
    void aSingleContextServesAnyOrderAndClosingRestoresTheOuterOne() {
        try (var outer = Traces.open(first)) {
            assertThat(Traces.traceIdOf("any")).isEqualTo(first.traceId());
            try (var inner = Traces.openForOrders(Map.of("o-2", second))) {
                assertThat(Traces.traceIdOf("o-9")).isEqualTo(second.traceId());
            }
            assertThat(Traces.current()).contains(first);
        }
        assertThat(Traces.current()).isEmpty();
        assertThat(Traces.traceIdOf("any")).isNull();
    }
}
