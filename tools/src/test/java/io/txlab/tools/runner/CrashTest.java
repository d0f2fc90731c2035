package io.txlab.tools.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A halt's log line as the services' logging.pattern.level writes it, with and without the trace id. */
class CrashTest {

    @Test
    void readsTheOrderAndTransactionBeforeTheTraceId() {
        Crash crash = Crash.of("2026-12-07T14:30:01.123Z ERROR [order=o-1 tx=t-1 trace=4bf92f3577b34da6a3ce929d0e0e4736] "
                + "9280 --- [inventory-service] [ConsumeMessageThread_1] i.t.s.fault.FaultPoints : halting");

        assertThat(crash).isEqualTo(new Crash("o-1", "t-1"));
    }

    @Test
    void readsALineWithoutATraceIdAndOneWithEmptyFields() {
        assertThat(Crash.of(" WARN [order=o-2 tx=t-2] halting")).isEqualTo(new Crash("o-2", "t-2"));
        assertThat(Crash.of("ERROR [order= tx= trace=] halting")).isEqualTo(Crash.NONE);
        assertThat(Crash.of("no context here")).isEqualTo(Crash.NONE);
    }
}
