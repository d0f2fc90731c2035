package io.txlab.support.trace;

/** Where finished spans go. Must never block or throw: it is called on the hot path. */
@FunctionalInterface
public interface SpanExporter {

    /** Export is off: spans are not even built. */
    SpanExporter NONE = span -> {
    };

    void export(Span span);
}
