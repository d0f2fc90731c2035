package io.txlab.support.tx;

import java.time.Instant;

/**
 * One broker check-back and the answer this service gave it. {@code receivedAt} before {@code answeredAt}
 * by more than a moment means the check-back waited for an in-flight local transaction.
 *
 * @param eventType the type of the event in the half message (null if the message did not say)
 * @param traceId   the W3C trace the check-back joined: its half message's (null if it carried none, or for
 *                  records older than trace ids)
 * @param broker    the address of the broker that asked, the one storing the half message (null for records
 *                  older than the column)
 */
public record CheckBack(String txId, String orderId, String eventType, int attempt, Answer answer, String instance,
                        Instant receivedAt, Instant answeredAt, String traceId, String broker) {

    public enum Answer { COMMIT, ROLLBACK, UNKNOWN }
}
