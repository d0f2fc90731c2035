package io.txlab.deadletter;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The line the dlq tool prints for a letter it replayed: "replayed MSG_ID order ORDER_ID ...". */
    private static final Pattern REPLAYED = Pattern.compile("^replayed \\S+ order (\\S+)");

    public String replayedLine() {
        return "replayed " + describe(null);
    }

    /** The order id of a line of {@link #replayedLine}, if it is one. */
    public static Optional<String> orderIdOfReplayedLine(String line) {
        Matcher matcher = REPLAYED.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** @param parkedReason null unless a service parked the letter */
    public String describe(String parkedReason) {
        String what = String.format("%s order %s %s from %s, born %s, ", msgId, orderId, eventType, originalTopic,
                bornAt);
        return parkedReason == null
                ? what + "dead after " + reconsumeTimes + " failed deliveries"
                : what + "parked at once (reconsumeTimes " + reconsumeTimes + "): " + parkedReason;
    }
}
