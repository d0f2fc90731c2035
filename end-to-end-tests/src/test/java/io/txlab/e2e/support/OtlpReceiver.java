package io.txlab.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny OTLP/HTTP trace receiver ({@code POST /v1/traces}, JSON encoding) the test platform's services export
 * to, so a test can see which spans arrived. Keeps the newest {@link #MAX_SPANS}.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span, as far as the tests look at it. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               int kind) {
    }

    private static final int MAX_SPANS = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new ArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("OTLP receiver did not start", e);
        }
    }

    /** The base URL to give TXLAB_OTLP_ENDPOINT. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            store(JSON.readTree(body.readAllBytes()));
            byte[] answer = "{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private synchronized void store(JsonNode request) {
        for (JsonNode resourceSpans : request.path("resourceSpans")) {
            String service = null;
            for (JsonNode attribute : resourceSpans.path("resource").path("attributes")) {
                if ("service.name".equals(attribute.path("key").asString())) {
                    service = attribute.path("value").path("stringValue").asString();
                }
            }
            for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
                for (JsonNode span : scopeSpans.path("spans")) {
                    spans.add(new ReceivedSpan(service, span.path("traceId").asString(),
                            span.path("spanId").asString(),
                            span.path("parentSpanId").isMissingNode() ? null : span.path("parentSpanId").asString(),
                            span.path("name").asString(), span.path("kind").asInt()));
                }
            }
        }
        if (spans.size() > MAX_SPANS) {
            spans.subList(0, spans.size() - MAX_SPANS).clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
