package io.txlab.support.trace;

import java.time.Clock;

import io.txlab.support.config.TxLabProperties;
import io.txlab.support.json.JsonCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trace context on every service: the HTTP filter that starts or continues a request's trace, and span
 * export, off unless {@code txlab.trace.otlp-endpoint} (env TXLAB_OTLP_ENDPOINT) names an OTLP/HTTP receiver.
 */
@Configuration(proxyBeanMethods = false)
public class TraceConfiguration {

    /** Closed with the context (its sender thread stops); export off has nothing to close. */
    @Bean
    SpanExporter spanExporter(@Value("${txlab.trace.otlp-endpoint:}") String endpoint,
                              @Value("${txlab.trace.queue-size:2048}") int queueSize, TxLabProperties properties,
                              JsonCodec codec) {
        if (endpoint == null || endpoint.isBlank()) {
            return SpanExporter.NONE;
        }
        return new OtlpHttpExporter(endpoint.trim(), properties.service() + "-service", queueSize, codec);
    }

    @Bean
    OrderTraces orderTraces(JdbcClient jdbc) {
        return new JdbcOrderTraces(jdbc);
    }

    @Bean
    Spans spans(SpanExporter exporter, Clock clock) {
        return new Spans(exporter, clock);
    }

    @Bean
    FilterRegistrationBean<TraceFilter> traceFilter(Spans spans) {
        FilterRegistrationBean<TraceFilter> registration = new FilterRegistrationBean<>(new TraceFilter(spans));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
