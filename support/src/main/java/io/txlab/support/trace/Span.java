package io.txlab.support.trace;

import java.time.Instant;
import java.util.Map;

/**
 * One finished span, as the exporter sends it.
 *
 * @param context      the span's own trace and span id
 * @param parentSpanId the span it continues, null for a trace's first span
 * @param attributes   string attributes (orderId, txId, ...), none null
 */
public record Span(String name, Kind kind, TraceContext context, String parentSpanId, Instant start, Instant end,
                   Map<String, String> attributes, boolean failed) {

    /** OTLP's span kinds, numbered as its protocol numbers them. */
    public enum Kind {
        INTERNAL(1), SERVER(2), CLIENT(3), PRODUCER(4), CONSUMER(5);

        private final int otlp;

        Kind(int otlp) {
            this.otlp = otlp;
        }

        public int otlp() {
            return otlp;
        }
    }

    public Span {
        attributes = Map.copyOf(attributes);
    }
}
