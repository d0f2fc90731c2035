package io.txlab.e2e.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.e2e.support.OtlpReceiver.ReceivedSpan;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import io.txlab.tools.client.PlatformClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order placed with a traceparent header keeps that trace across every hop: its half message, the
 * consumptions in inventory and payment, the replies, and a check-back forced by an UNKNOWN local answer all
 * carry its trace id, in their stored rows, their timeline entries and their log lines; the exported spans
 * arrive with that trace id and link to their parents.
 */
@ExtendWith(PlatformExtension.class)
class TraceContextIT {

    private static final Duration CONVERGED = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogLines() {
        logLines.start();
        root.addAppender(logLines);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logLines);
    }

    @Test
    void everyHopOfAnOrderCarriesTheCallersTrace(PlatformClient api, Platform platform) throws Exception {
        String traceId = hex(32);
        String callerSpan = hex(16);
        platform.faults(Service.ORDER).arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.unknown(1));

        String orderId = placeOrder(platform, "00-" + traceId + "-" + callerSpan + "-01");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED")
                && api.timeline(orderId).body().path("entries").toString().contains("CHECK_BACK"));

        List<JsonNode> entries = new ArrayList<>();
        api.timeline(orderId).body().path("entries").forEach(entries::add);
        for (String[] step : new String[][] {{"order", "HALF_MESSAGE_SENT", "OrderCreated"},
                {"order", "LOCAL_TX_COMMITTED", "OrderCreated"}, {"order", "CHECK_BACK", "answered COMMIT"},
                {"inventory", "CONSUMED", "OrderCreated"}, {"payment", "CONSUMED", "OrderCreated"},
                {"order", "CONSUMED", "ParticipantReplied:inventory"},
                {"order", "CONSUMED", "ParticipantReplied:payment"}}) {
            assertThat(entries).as("%s in %s", String.join(" ", step), entries).anyMatch(entry ->
                    entry.path("service").asString().equals(step[0]) && entry.path("step").asString().equals(step[1])
                            && entry.path("detail").asString().contains(step[2])
                            && entry.path("traceId").asString().equals(traceId));
        }
        assertThat(entries).as("no entry of this order in another trace").allMatch(entry ->
                entry.path("traceId").isNull() || entry.path("traceId").isMissingNode()
                        || entry.path("traceId").asString().equals(traceId));

        assertThat(traceIds(platform, Service.ORDER, "check_back", orderId)).containsOnly(traceId).isNotEmpty();
        assertThat(traceIds(platform, Service.ORDER, "tx_log", orderId)).containsOnly(traceId);
        assertThat(traceIds(platform, Service.INVENTORY, "consumed_message", orderId)).containsOnly(traceId);
        assertThat(traceIds(platform, Service.PAYMENT, "order_part", orderId)).containsOnly(traceId);

        List<ILoggingEvent> orderLines = logLines.list.stream()
                .filter(event -> orderId.equals(event.getMDCPropertyMap().get("orderId"))).toList();
        assertThat(orderLines).as("log lines of the order").isNotEmpty()
                .allMatch(event -> traceId.equals(event.getMDCPropertyMap().get("traceId")));
        assertThat(orderLines).as("the check-back's log line")
                .anyMatch(event -> event.getLoggerName().endsWith("AnswerCheckBack"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertSpans(platform, traceId, callerSpan));
    }

    @Test
    void aMalformedTraceparentIsIgnoredAndANewTraceStarted(PlatformClient api, Platform platform) throws Exception {
        String orderId = placeOrder(platform, "00-not-a-trace-01");
        await().atMost(CONVERGED).until(() -> api.orderStatus(orderId).equals("CONFIRMED"));

        List<String> traceIds = traceIds(platform, Service.ORDER, "tx_log", orderId);

        assertThat(traceIds).hasSize(1);
        assertThat(traceIds.get(0)).matches("[0-9a-f]{32}");
        assertThat(traceIds(platform, Service.INVENTORY, "consumed_message", orderId)).containsOnly(traceIds.get(0));
    }

    /** The request's span continues the caller's; everything else hangs below the half message's span. */
    private static void assertSpans(Platform platform, String traceId, String callerSpan) {
        List<ReceivedSpan> spans = platform.traces().spansOf(traceId);
        ReceivedSpan request = only(spans, span -> span.name().equals("POST /api/orders"));
        assertThat(request.parentSpanId()).isEqualTo(callerSpan);
        assertThat(request.service()).isEqualTo("order-service");
        ReceivedSpan publish = only(spans, span -> span.name().equals("publish OrderCreated"));
        assertThat(publish.parentSpanId()).isEqualTo(request.spanId());
        assertThat(only(spans, span -> span.name().equals("local transaction OrderCreated")).parentSpanId())
                .isEqualTo(publish.spanId());
        assertThat(spans).filteredOn(span -> span.name().equals("check-back")).isNotEmpty()
                .allMatch(span -> publish.spanId().equals(span.parentSpanId()));
        ReceivedSpan inventory = only(spans, span -> span.name().equals("consume OrderCreated (inventory)"));
        ReceivedSpan payment = only(spans, span -> span.name().equals("consume OrderCreated (payment)"));
        assertThat(inventory.parentSpanId()).isEqualTo(publish.spanId());
        assertThat(inventory.service()).isEqualTo("inventory-service");
        assertThat(payment.parentSpanId()).isEqualTo(publish.spanId());
        assertThat(spans).filteredOn(span -> span.name().equals("consume ParticipantReplied (order)"))
                .extracting(ReceivedSpan::parentSpanId)
                .containsExactlyInAnyOrder(inventory.spanId(), payment.spanId());
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = spans.stream().filter(which).toList();
        assertThat(found).as("one such span in %s", spans).hasSize(1);
        return found.get(0);
    }

    private static String placeOrder(Platform platform, String traceparent) throws Exception {
        String body = JSON.writeValueAsString(Map.of("requestId", UUID.randomUUID().toString(), "userId", 17,
                "productId", 4, "quantity", 1));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(platform.baseUrl(Service.ORDER) + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .header("tracestate", "txlab=it")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("orderId").asString();
    }

    private static List<String> traceIds(Platform platform, Service service, String table, String orderId) {
        return platform.db(service).sql("SELECT trace_id FROM " + table + " WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query(String.class)
                .list();
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
