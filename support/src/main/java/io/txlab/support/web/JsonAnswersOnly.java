package io.txlab.support.web;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with a 406 problem a request whose Accept header takes no JSON, before its controller runs. Every
 * answer of this API is JSON, and Spring would only find out after the controller, when it writes the
 * answer: an order placed by a request that accepts only XML would be placed, and then answered 406. The
 * exceptions are paths whose GET answers are no JSON and that change nothing: the order service's console
 * ({@value #CONSOLE}), the API documents (Swagger UI's pages and scripts, the YAML document) and the Prometheus
 * scrape, which asks for Prometheus' text formats.
 */
final class JsonAnswersOnly extends OncePerRequestFilter {

    static final String CONSOLE = "/console";
    static final String PROMETHEUS_SCRAPE = "/actuator/prometheus";

    /** Paths whose GET and HEAD answers are not JSON, and that change nothing. */
    private static final List<String> PAGES = List.of(CONSOLE, "/swagger-ui", "/v3/api-docs",
            PROMETHEUS_SCRAPE);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        // "/swagger-ui.html", "/v3/api-docs.yaml": a page's own file name counts, "/consoles" does not
        return reading && PAGES.stream().anyMatch(page -> path.equals(page) || path.startsWith(page + "/")
                || path.startsWith(page + "."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (accept.isBlank() || acceptsJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemJson.write(response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                "every answer of this service is JSON (application/json or application/problem+json); "
                        + "the Accept header takes neither");
    }

    static boolean acceptsJson(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && (type.includes(MediaType.APPLICATION_JSON) || type.includes(MediaType.APPLICATION_PROBLEM_JSON)
                    || "json".equals(type.getSubtypeSuffix())));
        } catch (IllegalArgumentException e) {
            // InvalidMediaTypeException, or a quality value that is no number
            return false;
        }
    }
}
