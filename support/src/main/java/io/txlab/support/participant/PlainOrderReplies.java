package io.txlab.support.participant;

import java.util.List;

import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.contracts.event.Topics;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.messaging.PlainMessages;

/** The replies as plain messages on the replies topic, tagged with the participant, in one broker request. */
final class PlainOrderReplies implements OrderReplies {

    private final PlainMessages messages;
    private final JsonCodec codec;

    PlainOrderReplies(PlainMessages messages, JsonCodec codec) {
        this.messages = messages;
        this.codec = codec;
    }

    @Override
    public void send(List<ParticipantReplied> replies) {
        messages.send(replies.stream().map(reply -> new PlainMessages.Outgoing(Topics.ORDER_REPLIES,
                reply.participant().tag(), reply.orderId(), reply.type(), codec.encode(reply))).toList());
    }
}
