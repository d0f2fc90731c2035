package io.txlab.tools.dlq;

import java.time.Instant;

/**
 * A message the broker moved to {@code %DLQ%<group>}: after the group's last redelivery failed, or at once
 * when a service parked it (it could never be handled).
 *
 * @param clientMsgId   the id its consumers saw and delivery_failure.msg_id holds (the producer's UNIQ_KEY)
 * @param originalTopic the topic it was first sent to (the broker keeps it in the RETRY_TOPIC property)
 * @param orderId       the message key: every TxLab event is keyed by its order
 * @param replayed      whether the replay group has already replayed it
 */
public record DeadLetter(String group, String msgId, String clientMsgId, String originalTopic, String orderId,
                         String eventType, int reconsumeTimes, Instant bornAt, boolean replayed) {
}
