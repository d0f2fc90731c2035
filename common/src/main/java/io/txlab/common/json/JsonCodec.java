package io.txlab.common.json;

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

    public static final class MalformedPayloadException extends RuntimeException {
        MalformedPayloadException(String expected, Throwable cause) {
            super("payload is not a valid " + expected + ": " + cause.getMessage(), cause);
        }
    }
}
