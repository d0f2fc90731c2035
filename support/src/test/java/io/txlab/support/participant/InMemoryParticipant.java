package io.txlab.support.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.txlab.contracts.event.Event;
import io.txlab.contracts.event.Participant;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.support.consume.InMemoryConsumedMessages;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.metrics.TxLabMeters;

/**
 * A participant's protocol (reply, compensate, barrier, dedup rows) over in-memory fakes, for unit tests of a
 * participant's use cases without Spring, a database or a broker: the replies it sent, its barrier rows and its
 * dedup rows can be read back.
 */
public final class InMemoryParticipant {

    private final Participant participant;
    private final InMemoryConsumedMessages consumed = new InMemoryConsumedMessages();
    private final InMemoryOrderParts parts = new InMemoryOrderParts();
    private final List<ParticipantReplied> replies = new ArrayList<>();
    private final ReplyToOrder replyToOrder;
    private final CompensateOrder compensateOrder;

    public InMemoryParticipant(Participant participant) {
        this(participant, TxLabMeters.none());
    }

    public InMemoryParticipant(Participant participant, TxLabMeters meters) {
        this.participant = participant;
        FaultPoints faults = new FaultPoints(participant.tag(), false);
        this.replyToOrder = new ReplyToOrder(consumed.consumption(meters), replies::addAll, parts, faults, meters);
        this.compensateOrder = new CompensateOrder(consumed.consumption(meters), parts, faults, meters);
    }

    public ReplyToOrder replyToOrder() {
        return replyToOrder;
    }

    public CompensateOrder compensateOrder() {
        return compensateOrder;
    }

    /** Every reply sent to the order service, in sending order. */
    public List<ParticipantReplied> replies() {
        return List.copyOf(replies);
    }

    /** The state of the order's barrier row (APPLIED, REJECTED, COMPENSATED, CANCELLED_FIRST); empty: no row. */
    public Optional<String> barrier(String orderId) {
        return parts.state(orderId).map(Enum::name);
    }

    /** Whether the order's event came after its cancel and was skipped for good. */
    public boolean lateApplySkipped(String orderId) {
        return parts.lateApplySkipped(orderId);
    }

    /** The duplicates counted on the event's dedup row. */
    public int duplicates(Event event) {
        return consumed.duplicates(participant.tag(), event.dedupKey());
    }
}
