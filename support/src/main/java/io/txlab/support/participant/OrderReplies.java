package io.txlab.support.participant;

import java.util.List;

import io.txlab.contracts.event.ParticipantReplied;

/** Port to the order service: a participant's replies, sent as one batch. */
@FunctionalInterface
interface OrderReplies {

    /** @throws RuntimeException unless every reply was sent: the batch is then delivered again */
    void send(List<ParticipantReplied> replies);
}
