package io.txlab.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnownEventsTest {

    @Test
    void eachEventTypeIsKnownUpToTheVersionItWrites() {
        assertThat(KnownEvents.of(OrderCreated.class)).isEqualTo(new KnownEvents.Known("OrderCreated", 2));
        assertThat(KnownEvents.of(OrderCancelled.class)).isEqualTo(new KnownEvents.Known("OrderCancelled", 1));
        assertThat(KnownEvents.of(ParticipantReplied.class))
                .isEqualTo(new KnownEvents.Known("ParticipantReplied", 1));
        assertThat(KnownEvents.of(FlashPurchaseAccepted.class))
                .isEqualTo(new KnownEvents.Known("FlashPurchaseAccepted", 1));
    }

    @Test
    void anEventRecordLeftOutOfTheCatalogueIsRefused() {
        record Unlisted(String type, int version, String orderId) implements Event {
        }

        assertThatThrownBy(() -> KnownEvents.of(Unlisted.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a known event type");
    }
}
