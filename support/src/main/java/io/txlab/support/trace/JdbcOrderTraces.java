package io.txlab.support.trace;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The trace id of an order's earliest tx_log row (its OrderCreated); one indexed read, off the hot path. */
final class JdbcOrderTraces implements OrderTraces {

    private final JdbcClient jdbc;

    JdbcOrderTraces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> traceIdOf(String orderId) {
        return jdbc.sql("""
                SELECT trace_id FROM tx_log
                WHERE order_id = :orderId AND trace_id IS NOT NULL
                ORDER BY created_at LIMIT 1
                """)
                .param("orderId", orderId)
                .query(String.class)
                .optional();
    }
}
