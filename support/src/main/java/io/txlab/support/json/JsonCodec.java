package io.txlab.support.json;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON codec for message payloads: every producer and consumer encodes and decodes through it. */
public final class JsonCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] encode(Object payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode " + payload.getClass().getSimpleName(), e);
        }
    }

    /** @throws MalformedPayloadException when the bytes are not a valid {@code type} */
    public <T> T decode(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedPayloadException(type.getSimpleName(), e);
        }
    }

    /**
     * What a payload says it is, for one that did not decode as the type its consumer expects: its
     * {@code type}, {@code version} and {@code orderId} fields, each null when absent. Empty when the bytes
     * are no JSON object with such fields at all.
     */
    public Optional<Envelope> envelope(byte[] body) {
        try {
            return Optional.ofNullable(mapper.readValue(body, Envelope.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The fields every event payload has, whatever its type and version. */
    public record Envelope(String type, Integer version, String orderId) {
    }

    public static final class MalformedPayloadException extends RuntimeException {
        MalformedPayloadException(String expected, Throwable cause) {
            super("payload is not a valid " + expected + ": " + cause.getMessage(), cause);
        }
    }
}
