package io.txlab.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParkedDeliveryTest {

    @Test
    void aParkedErrorReadsBackAsOneSentence() {
        String error = ParkedDelivery.error("unknown type OrderShipped", "its eventType property is OrderShipped");

        assertThat(ParkedDelivery.isParked(error)).isTrue();
        assertThat(ParkedDelivery.readable(error))
                .isEqualTo("unknown type OrderShipped: its eventType property is OrderShipped");
    }

    @Test
    void anOrdinaryFailureIsNotParked() {
        assertThat(ParkedDelivery.isParked("[last delivery: the broker moves the message to its group's DLQ] boom"))
                .isFalse();
    }
}
