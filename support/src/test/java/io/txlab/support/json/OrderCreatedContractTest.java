package io.txlab.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.txlab.contracts.event.OrderCreated;
import org.junit.jupiter.api.Test;

/**
 * OrderCreated's versions as they travel: a payload a version-1 producer sent (before the flash sale added
 * {@code saleId}) must still decode into the current record, and the current version must survive its own codec.
 */
class OrderCreatedContractTest {

    /**
     * Byte for byte what version 1 (the record of cf9f3c2: type, version, orderId, userId, productId, quantity,
     * amountCents, createdAt) encoded to through this codec.
     */
    private static final String VERSION_1 = """
            {"type":"OrderCreated","version":1,"orderId":"2f9c1e7a-5b0d-4c3e-9a41-6d2b8f0e7c15","userId":7,\
            "productId":1,"quantity":2,"amountCents":9980,"createdAt":"2026-11-22T10:00:00.123Z"}""";

    private final JsonCodec codec = new JsonCodec();

    @Test
    void aVersion1PayloadDecodesWithEveryFieldItSentAndNoSale() {
        OrderCreated decoded = codec.decode(VERSION_1.getBytes(StandardCharsets.UTF_8), OrderCreated.class);

        assertThat(decoded).isEqualTo(new OrderCreated("OrderCreated", 1, "2f9c1e7a-5b0d-4c3e-9a41-6d2b8f0e7c15", 7, 1,
                2, 9980, Instant.parse("2026-11-22T10:00:00.123Z"), null));
        assertThat(decoded.inFlashSale()).isFalse();
        assertThat(decoded.dedupKey()).isEqualTo(OrderCreated.of("2f9c1e7a-5b0d-4c3e-9a41-6d2b8f0e7c15", 7, 1, 2, 9980,
                Instant.EPOCH).dedupKey());
    }

    @Test
    void theCurrentVersionRoundTripsWithAndWithoutASale() {
        Instant createdAt = Instant.parse("2026-11-22T10:00:30.456Z");
        OrderCreated inSale = OrderCreated.of("o-1", 7, 6, 1, 9_900, createdAt, "black-friday");
        OrderCreated normal = OrderCreated.of("o-2", 7, 1, 2, 9_980, createdAt);

        assertThat(codec.decode(codec.encode(inSale), OrderCreated.class)).isEqualTo(inSale);
        assertThat(codec.decode(codec.encode(normal), OrderCreated.class)).isEqualTo(normal);
        assertThat(inSale.version()).isEqualTo(2);
    }

    @Test
    void theCurrentVersionWritesEveryVersion1FieldAsVersion1Did() {
        Map<String, Object> current = fields(codec.encode(OrderCreated.of("2f9c1e7a-5b0d-4c3e-9a41-6d2b8f0e7c15", 7, 1,
                2, 9980, Instant.parse("2026-11-22T10:00:00.123Z"))));

        Map<String, Object> unchanged = new HashMap<>(fields(VERSION_1.getBytes(StandardCharsets.UTF_8)));
        unchanged.remove("version");
        assertThat(current).containsAllEntriesOf(unchanged).containsEntry("version", 2);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(byte[] json) {
        return codec.decode(json, Map.class);
    }
}
