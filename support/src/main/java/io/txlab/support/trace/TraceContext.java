package io.txlab.support.trace;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context (https://www.w3.org/TR/trace-context/): the trace id every hop of one order shares, the
 * span id of the hop that carries it, the sampled flag, and the vendors' {@code tracestate}, passed on as is.
 * Our own small implementation: no agent, and no OpenTelemetry API on the classpath (Connector/J would start
 * tracing every statement with one).
 *
 * @param traceState null when the caller sent none (or one too long to pass on)
 */
public record TraceContext(String traceId, String spanId, String flags, String traceState) {

    /** The traceparent header and message property. */
    public static final String TRACEPARENT = "traceparent";
    /** The tracestate header and message property. */
    public static final String TRACESTATE = "tracestate";

    private static final int TRACEPARENT_LENGTH = 55;
    private static final int MAX_TRACESTATE_LENGTH = 512;
    private static final String SAMPLED = "01";
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_SPAN_ID = "0".repeat(16);

    /**
     * A context from a traceparent (and tracestate) as received, or empty when the traceparent is missing or
     * malformed: the receiver then starts a new trace, and drops the tracestate with it, as the spec says.
     */
    public static Optional<TraceContext> parse(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Optional.empty();
        }
        String value = traceparent.trim();
        if (value.length() < TRACEPARENT_LENGTH || value.charAt(2) != '-' || value.charAt(35) != '-'
                || value.charAt(52) != '-') {
            return Optional.empty();
        }
        String version = value.substring(0, 2);
        String traceId = value.substring(3, 35);
        String spanId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        boolean knownLength = "00".equals(version) ? value.length() == TRACEPARENT_LENGTH
                : value.length() == TRACEPARENT_LENGTH || value.charAt(TRACEPARENT_LENGTH) == '-';
        if (!knownLength || !isHex(version) || "ff".equals(version) || !isHex(traceId) || !isHex(spanId)
                || !isHex(flags) || ZERO_TRACE_ID.equals(traceId) || ZERO_SPAN_ID.equals(spanId)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(traceId, spanId, flags, passable(tracestate)));
    }

    /** A new trace, sampled, with its first span. */
    public static TraceContext newTrace() {
        return new TraceContext(randomHex(2), randomHex(1), SAMPLED, null);
    }

    /** The received context continued, or a new trace when there is none (or it was malformed). */
    public static TraceContext continueOrStart(String traceparent, String tracestate) {
        return parse(traceparent, tracestate).map(TraceContext::child).orElseGet(TraceContext::newTrace);
    }

    /** A new span of this trace, whose parent is this context's span. */
    public TraceContext child() {
        return new TraceContext(traceId, randomHex(1), flags, traceState);
    }

    /** The traceparent value, always version 00. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String passable(String tracestate) {
        if (tracestate == null || tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE_LENGTH) {
            return null;
        }
        return tracestate.trim();
    }

    /** Lower-case hex only: the spec forbids upper case. */
    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code longs} random non-zero longs as 16 hex digits each. */
    private static String randomHex(int longs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder hex = new StringBuilder(16 * longs);
        for (int i = 0; i < longs; i++) {
            long value;
            do {
                value = random.nextLong();
            } while (value == 0);
            String digits = Long.toHexString(value);
            hex.append("0".repeat(16 - digits.length())).append(digits);
        }
        return hex.toString();
    }
}
