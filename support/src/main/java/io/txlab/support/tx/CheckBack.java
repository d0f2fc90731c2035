package io.txlab.support.tx;

import java.time.Instant;

/**
 * One broker check-back and the answer this service gave it. {@code receivedAt} before {@code answeredAt}
 * by more than a moment means the check-back waited for an in-flight local transaction.
 *
 * @param eventType the type of the event in the half message (null if the message did not say)
 */
public record CheckBack(String txId, String orderId, String eventType, int attempt, Answer answer, String instance,
                        Instant receivedAt, Instant answeredAt) {

    public enum Answer { COMMIT, ROLLBACK, UNKNOWN }
}
