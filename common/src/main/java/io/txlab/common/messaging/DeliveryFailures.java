package io.txlab.common.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The delivery_failure table: each delivery whose handling threw, for the timeline. */
final class DeliveryFailures {

    private static final int MAX_ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    DeliveryFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String consumer, String eventType, String orderId, String msgId, int reconsumeTimes, String error) {
        jdbc.sql("""
                INSERT INTO delivery_failure (consumer, event_type, order_id, msg_id, reconsume_times, error)
                VALUES (:consumer, :eventType, :orderId, :msgId, :reconsumeTimes, :error)
                """)
                .param("consumer", consumer)
                .param("eventType", eventType)
                .param("orderId", orderId)
                .param("msgId", msgId)
                .param("reconsumeTimes", reconsumeTimes)
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .update();
    }
}
