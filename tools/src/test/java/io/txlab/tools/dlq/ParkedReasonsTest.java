package io.txlab.tools.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.txlab.support.messaging.InboundEvents;
import org.junit.jupiter.api.Test;

class ParkedReasonsTest {

    @Test
    void readsTheMarkerTheServicesWrite() {
        assertThat(ParkedReasons.MARKER).isEqualTo(InboundEvents.PARKED);
    }

    @Test
    void aReasonReadsAsOneSentence() {
        assertThat(ParkedReasons.readable("[parked: unknown type OrderShipped] its eventType property is OrderShipped"))
                .isEqualTo("unknown type OrderShipped: its eventType property is OrderShipped");
    }
}
