package io.txlab.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.txlab.contracts.event.OrderCancelled;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEnvelopeOfAnyEventIsItsTypeVersionAndOrder() {
        assertThat(codec.envelope(codec.encode(OrderCancelled.of("o-1", "PENDING_TIMEOUT", Instant.EPOCH))))
                .contains(new JsonCodec.Envelope("OrderCancelled", 1, "o-1"));
        assertThat(codec.envelope(utf8("{\"type\":\"OrderShipped\",\"version\":7,\"carrier\":{\"name\":\"x\"}}")))
                .contains(new JsonCodec.Envelope("OrderShipped", 7, null));
    }

    @Test
    void missingFieldsAreNull() {
        assertThat(codec.envelope(utf8("{\"orderId\":\"o-1\"}"))).contains(new JsonCodec.Envelope(null, null, "o-1"));
    }

    @Test
    void bytesThatAreNoEventObjectHaveNoEnvelope() {
        assertThat(codec.envelope(utf8("{not json"))).isEmpty();
        assertThat(codec.envelope(utf8("[1, 2]"))).isEmpty();
        assertThat(codec.envelope(utf8("{\"type\":\"OrderCreated\",\"version\":\"two\"}"))).isEmpty();
        assertThat(codec.envelope(new byte[0])).isEmpty();
    }
}
