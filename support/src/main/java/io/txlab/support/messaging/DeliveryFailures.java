package io.txlab.support.messaging;

import io.txlab.support.trace.Traces;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The delivery_failure table: each delivery whose handling threw or that was parked, for the timeline. */
final class DeliveryFailures {

    private static final int MAX_ERROR_LENGTH = 500;
    /** event_type and order_id: a parked message's come from whatever it says, which may be longer. */
    private static final int MAX_NAME_LENGTH = 64;

    private final JdbcClient jdbc;

    DeliveryFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String consumer, String eventType, String orderId, String msgId, int reconsumeTimes, String error) {
        jdbc.sql("""
                INSERT INTO delivery_failure (consumer, event_type, order_id, msg_id, reconsume_times, error, trace_id)
                VALUES (:consumer, :eventType, :orderId, :msgId, :reconsumeTimes, :error, :traceId)
                """)
                .param("traceId", Traces.traceIdOf(orderId))
                .param("consumer", consumer)
                .param("eventType", clip(eventType, MAX_NAME_LENGTH))
                .param("orderId", clip(orderId, MAX_NAME_LENGTH))
                .param("msgId", msgId)
                .param("reconsumeTimes", reconsumeTimes)
                .param("error", clip(error, MAX_ERROR_LENGTH))
                .update();
    }

    private static String clip(String value, int maxLength) {
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }
}
