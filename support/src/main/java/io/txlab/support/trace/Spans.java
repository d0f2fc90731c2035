package io.txlab.support.trace;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Records the spans of the work TxLab traces (an order's HTTP request, a local transaction, a check-back, a
 * consumption). With export off this is one boolean test per span: callers test {@link #exporting()} before
 * they build a span's name and attributes, so nothing is built.
 */
public final class Spans {

    private final SpanExporter exporter;
    private final Clock clock;

    public Spans(SpanExporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    /** Export off. */
    public static Spans none(Clock clock) {
        return new Spans(SpanExporter.NONE, clock);
    }

    public boolean exporting() {
        return exporter != SpanExporter.NONE;
    }

    /** When a span starts; null (not read) with export off. */
    public Instant start() {
        return exporting() ? clock.instant() : null;
    }

    /**
     * Records a span that started at {@code start} and ends now.
     *
     * @param context  the span's own context (its span id is the one passed on to what it causes)
     * @param parentId the span id of its parent, null for a root
     */
    public void finish(String name, Span.Kind kind, TraceContext context, String parentId, Instant start,
                       Map<String, String> attributes, boolean failed) {
        if (!exporting() || context == null || start == null) {
            return;
        }
        exporter.export(new Span(name, kind, context, parentId, start, clock.instant(), attributes, failed));
    }
}
