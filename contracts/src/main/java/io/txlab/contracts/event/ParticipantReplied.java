package io.txlab.contracts.event;

import java.util.Objects;

/**
 * A participant's answer to {@link OrderCreated}: it applied its part (stock deducted, money charged) or
 * rejected it with a reason. Published as a half message, checked back from the participant's own tx_log.
 */
public record ParticipantReplied(String type, int version, String orderId, Participant participant,
                                 boolean applied, String reason) implements Event {

    public static final String TYPE = "ParticipantReplied";
    public static final int VERSION = 1;

    public ParticipantReplied {
        if (!TYPE.equals(type)) {
            throw new IllegalArgumentException("not a " + TYPE + ": " + type);
        }
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(participant, "participant");
        if (!applied && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
    }

    public static ParticipantReplied applied(String orderId, Participant participant) {
        return new ParticipantReplied(TYPE, VERSION, orderId, participant, true, null);
    }

    public static ParticipantReplied rejected(String orderId, Participant participant, String reason) {
        return new ParticipantReplied(TYPE, VERSION, orderId, participant, false, reason);
    }

    @Override
    public String dedupKey() {
        return TYPE + ":" + participant.tag() + ":" + orderId;
    }
}
