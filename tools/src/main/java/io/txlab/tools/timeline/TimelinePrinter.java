package io.txlab.tools.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON of {@code GET /api/orders/{orderId}/timeline} into readable lines: a header, a line naming
 * the order's trace (the W3C trace id most of its entries carry), one line per entry (time since the first
 * entry, UTC wall-clock time, service, step, detail, tx id, instance, and the trace id of an entry in another
 * trace) and one line per service whose records could not be read. Pure: no I/O.
 */
public final class TimelinePrinter {

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String ENTRY = "  %-10s %-13s %-10s %-26s %s";
    private static final String SUFFIX_GAP = "   ";
    /** RocketMQ transaction ids share a long prefix (the producer's address); their tail tells them apart. */
    private static final int TX_ID_CHARS = 12;

    private TimelinePrinter() {
    }

    /** The lines to print for one timeline, in order, without line separators. */
    public static List<String> lines(JsonNode timeline) {
        JsonNode entries = timeline.path("entries");
        List<String> lines = new ArrayList<>();
        lines.add(header(timeline, entries.size()));
        String trace = orderTrace(entries);
        if (trace != null) {
            lines.add("  trace " + trace);
        }
        Instant first = entries.isEmpty() ? null : instant(text(entries.get(0), "at"));
        for (JsonNode entry : entries) {
            lines.add(entryLine(entry, first, trace));
        }
        if (entries.isEmpty()) {
            lines.add("  (no steps recorded)");
        }
        for (JsonNode item : timeline.path("unavailable")) {
            lines.add(unavailableLine(item.asString()));
        }
        return lines;
    }

    static String header(JsonNode timeline, int steps) {
        String orderId = text(timeline, "orderId");
        String status = text(timeline, "status");
        String reason = text(timeline, "reason");
        String count = steps + (steps == 1 ? " step" : " steps");
        if (status == null) {
            return "Order " + orderId + ": no order row (its OrderCreated was rolled back), " + count;
        }
        return "Order " + orderId + " " + status + (reason == null ? "" : " (" + reason + ")") + ", " + count;
    }

    /** The trace id most entries carry (the first such on a tie), null when none carries one. */
    static String orderTrace(JsonNode entries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            String traceId = text(entry, "traceId");
            if (traceId != null) {
                counts.merge(traceId, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    static String entryLine(JsonNode entry, Instant first) {
        return entryLine(entry, first, null);
    }

    /** @param orderTrace the trace named in the header: an entry of another trace names its own */
    static String entryLine(JsonNode entry, Instant first, String orderTrace) {
        Instant at = instant(text(entry, "at"));
        String line = String.format(ENTRY, relative(first, at), at == null ? "?" : WALL_CLOCK.format(at),
                orEmpty(text(entry, "service")), orEmpty(text(entry, "step")), orEmpty(text(entry, "detail")));
        String txId = text(entry, "txId");
        String instance = text(entry, "instance");
        if (txId != null) {
            line += SUFFIX_GAP + "tx=.." + txId.substring(Math.max(0, txId.length() - TX_ID_CHARS));
        }
        if (instance != null) {
            line += SUFFIX_GAP + "by " + instance;
        }
        String traceId = text(entry, "traceId");
        if (traceId != null && !traceId.equals(orderTrace)) {
            line += SUFFIX_GAP + "trace=" + traceId;
        }
        return line.stripTrailing();
    }

    /** "inventory: I/O error ..." becomes "! inventory records unavailable: I/O error ...". */
    static String unavailableLine(String item) {
        int colon = item.indexOf(": ");
        if (colon <= 0) {
            return "! records unavailable: " + item;
        }
        return "! " + item.substring(0, colon) + " records unavailable: " + item.substring(colon + 2);
    }

    private static String relative(Instant first, Instant at) {
        if (first == null || at == null) {
            return "?";
        }
        return "+" + Duration.between(first, at).toMillis() + " ms";
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The field as text, or null when it is missing, JSON null or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
