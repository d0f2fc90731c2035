package io.txlab.support.trace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.txlab.support.json.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends spans to an OTLP/HTTP receiver ({@code POST {endpoint}/v1/traces}, JSON encoding) from one daemon
 * thread. The hot path only offers a span to a bounded queue: when the queue is full (the receiver is slow
 * or down) the span is dropped and counted, never waited for.
 */
public final class OtlpHttpExporter implements SpanExporter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OtlpHttpExporter.class);
    private static final int BATCH = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final URI traces;
    private final String service;
    private final JsonCodec codec;
    private final BlockingQueue<Span> queue;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;
    private long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    /** @param endpoint the receiver's base URL, for example http://jaeger:4318 */
    public OtlpHttpExporter(String endpoint, String service, int queueSize, JsonCodec codec) {
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("txlab.trace.otlp-endpoint (TXLAB_OTLP_ENDPOINT) must be an http(s) URL "
                    + "such as http://127.0.0.1:4318, not " + endpoint);
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.traces = URI.create(base.endsWith("/v1/traces") ? base : base + "/v1/traces");
        this.service = service;
        this.codec = codec;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.sender = new Thread(this::sendLoop, "txlab-otlp-exporter");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void export(Span span) {
        if (!queue.offer(span)) {
            dropped.incrementAndGet();
        }
    }

    /** Spans dropped because the queue was full or a send failed. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
    }

    private void sendLoop() {
        List<Span> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Span first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<Span> batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(traces).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(codec.encode(body(batch))))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                lost(batch.size(), "HTTP " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            lost(batch.size(), e.toString());
        }
    }

    private void lost(int spans, String why) {
        dropped.addAndGet(spans);
        long now = System.nanoTime();
        if (now - lastWarning >= WARN_EVERY_NANOS) {
            lastWarning = now;
            log.warn("trace export to {} failed ({}), {} span(s) dropped so far", traces, why, dropped.get());
        }
    }

    /** The OTLP/JSON ExportTraceServiceRequest: ids as hex, times as nanoseconds in strings. */
    Map<String, Object> body(List<Span> spans) {
        Map<String, Object> resource = Map.of("attributes", List.of(attribute("service.name", service)));
        Map<String, Object> scope = Map.of("scope", Map.of("name", "io.txlab.support.trace"),
                "spans", spans.stream().map(OtlpHttpExporter::span).toList());
        return Map.of("resourceSpans", List.of(Map.of("resource", resource, "scopeSpans", List.of(scope))));
    }

    private static Map<String, Object> span(Span span) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("traceId", span.context().traceId());
        json.put("spanId", span.context().spanId());
        if (span.parentSpanId() != null) {
            json.put("parentSpanId", span.parentSpanId());
        }
        json.put("name", span.name());
        json.put("kind", span.kind().otlp());
        json.put("startTimeUnixNano", nanos(span.start()));
        json.put("endTimeUnixNano", nanos(span.end()));
        json.put("attributes", span.attributes().entrySet().stream()
                .map(entry -> attribute(entry.getKey(), entry.getValue())).toList());
        json.put("status", Map.of("code", span.failed() ? 2 : 1));
        return json;
    }

    private static Map<String, Object> attribute(String key, String value) {
        return Map.of("key", key, "value", Map.of("stringValue", value));
    }

    private static String nanos(Instant at) {
        return Long.toString(TimeUnit.SECONDS.toNanos(at.getEpochSecond()) + at.getNano());
    }
}
