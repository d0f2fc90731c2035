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
 * answer: an order placed by a request that accepts only XML would be placed, and then answered 406.
 * The one exception is the Prometheus scrape, which asks for Prometheus' text formats, and reads nothing.
 */
final class JsonAnswersOnly extends OncePerRequestFilter {

    static final String PROMETHEUS_SCRAPE = "/actuator/prometheus";
    private static final List<MediaType> PROMETHEUS_FORMATS = List.of(MediaType.TEXT_PLAIN,
            MediaType.parseMediaType("application/openmetrics-text"));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (accept.isBlank() || acceptsJson(accept) || isScrape(request) && acceptsPrometheusText(accept)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemJson.write(response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                "every answer of this service is JSON (application/json or application/problem+json); "
                        + "the Accept header takes neither");
    }

    private static boolean isScrape(HttpServletRequest request) {
        return PROMETHEUS_SCRAPE.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean acceptsPrometheusText(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && PROMETHEUS_FORMATS.stream().anyMatch(type::includes));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
