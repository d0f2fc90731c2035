package io.txlab.support.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.txlab.support.json.JsonCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OTLP/JSON body, and a full queue that drops spans instead of waiting. */
class OtlpHttpExporterTest {

    private static final TraceContext CONTEXT = new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7", "01", null);
    private static final Span SPAN = new Span("check-back", Span.Kind.CONSUMER, CONTEXT, "53995c3f42cd8ad8",
            Instant.ofEpochSecond(1, 5), Instant.ofEpochSecond(2), Map.of("attempt", "1"), false);

    @Test
    void writesOtlpJsonWithHexIdsAndNanoTimes() {
        try (OtlpHttpExporter exporter = new OtlpHttpExporter("http://127.0.0.1:9/", "order-service", 8,
                new JsonCodec())) {
            JsonNode body = JsonMapper.builder().build().readTree(new JsonCodec().encode(exporter.body(List.of(SPAN))));

            JsonNode resource = body.path("resourceSpans").get(0);
            assertThat(resource.path("resource").path("attributes").get(0).path("value").path("stringValue")
                    .asString()).isEqualTo("order-service");
            JsonNode span = resource.path("scopeSpans").get(0).path("spans").get(0);
            assertThat(span.path("traceId").asString()).isEqualTo(CONTEXT.traceId());
            assertThat(span.path("spanId").asString()).isEqualTo(CONTEXT.spanId());
            assertThat(span.path("parentSpanId").asString()).isEqualTo("53995c3f42cd8ad8");
            assertThat(span.path("kind").asInt()).isEqualTo(5);
            assertThat(span.path("startTimeUnixNano").asString()).isEqualTo("1000000005");
            assertThat(span.path("endTimeUnixNano").asString()).isEqualTo("2000000000");
            assertThat(span.path("attributes").get(0).path("key").asString()).isEqualTo("attempt");
        }
    }

    @Test
    void aFullQueueDropsSpansRatherThanWaiting() {
        // port 9 (discard) is closed here: every send fails, and the one-span queue fills at once
        try (OtlpHttpExporter exporter = new OtlpHttpExporter("http://127.0.0.1:9", "order-service", 1,
                new JsonCodec())) {
            for (int i = 0; i < 1000; i++) {
                exporter.export(SPAN);
            }

            assertThat(exporter.dropped()).isPositive();
        }
    }

    @Test
    void exportOffBuildsNoSpan() {
        Spans spans = Spans.none(java.time.Clock.systemUTC());

        assertThat(spans.exporting()).isFalse();
        assertThat(spans.start()).isNull();
    }
}
