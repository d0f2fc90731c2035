package io.txlab.support.trace;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.txlab.support.logging.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Starts the trace of an API request, or continues the caller's when it sent a valid {@code traceparent}
 * header (a malformed one is ignored and a new trace started). What the request publishes (an order's half
 * message, its outbox row) carries this context; its log lines carry the trace id.
 */
final class TraceFilter extends OncePerRequestFilter {

    private final Spans spans;

    TraceFilter(Spans spans) {
        this.spans = spans;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TraceContext> caller = TraceContext.parse(request.getHeader(TraceContext.TRACEPARENT),
                request.getHeader(TraceContext.TRACESTATE));
        TraceContext context = caller.map(TraceContext::child).orElseGet(TraceContext::newTrace);
        Instant start = spans.start();
        boolean failed = true;
        try (var scope = Traces.open(context); var log = LogContext.trace(context.traceId())) {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500;
        } finally {
            if (spans.exporting()) {
                spans.finish(request.getMethod() + " " + route(request), Span.Kind.SERVER, context,
                        caller.map(TraceContext::spanId).orElse(null), start,
                        Map.of("http.request.method", request.getMethod(), "url.path", request.getRequestURI(),
                                "http.response.status_code", Integer.toString(response.getStatus())), failed);
            }
        }
    }

    /** The handler's path pattern ({@code /api/orders/{orderId}}), so one operation is one span name. */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? request.getRequestURI() : pattern.toString();
    }
}
