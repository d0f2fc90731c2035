package io.txlab.support.messaging;

import io.txlab.contracts.event.Event;
import io.txlab.contracts.event.KnownEvents;
import io.txlab.support.json.JsonCodec;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Reads a delivered message as the event its handler expects, or says why it never can: its body does not
 * decode, it is another type than the handler's (its eventType property, or its payload's type field), or
 * its version is newer than this code knows. The tag is left to the subscription: one by tag gets no other
 * tag, and the two that take every tag (replies, tagged by participant; flash purchases) rely on the property
 * and the payload's type like the rest.
 */
final class EventReader {

    private final JsonCodec codec;

    EventReader(JsonCodec codec) {
        this.codec = codec;
    }

    <T extends Event> T read(MessageExt message, Class<T> type) throws PoisonMessage {
        KnownEvents.Known known = KnownEvents.of(type);
        String claimed = message.getUserProperty(PlainMessages.EVENT_TYPE_PROPERTY);
        if (claimed != null && !claimed.equals(known.type())) {
            throw unknownType(claimed, null, known, "its eventType property");
        }
        byte[] body = message.getBody();
        if (body == null || body.length == 0) {
            throw new PoisonMessage("unreadable payload", claimedOr(claimed, known), null, "no body");
        }
        T event;
        try {
            event = codec.decode(body, type);
        } catch (JsonCodec.MalformedPayloadException e) {
            throw whyUnreadable(body, claimed, known, e);
        }
        if (event.version() > known.newestVersion()) {
            throw newerVersion(event.version(), event.orderId(), known);
        }
        return event;
    }

    /** A newer version or another type can fail to decode too: the envelope tells them from garbage. */
    private PoisonMessage whyUnreadable(byte[] body, String claimed, KnownEvents.Known known,
                                        JsonCodec.MalformedPayloadException e) {
        JsonCodec.Envelope envelope = codec.envelope(body).orElse(null);
        if (envelope != null && envelope.type() != null && !envelope.type().equals(known.type())) {
            return unknownType(envelope.type(), envelope.orderId(), known, "its payload's type");
        }
        if (envelope != null && envelope.version() != null && envelope.version() > known.newestVersion()) {
            return newerVersion(envelope.version(), envelope.orderId(), known);
        }
        return new PoisonMessage("unreadable payload", claimedOr(claimed, known),
                envelope == null ? null : envelope.orderId(), e.getMessage());
    }

    private static PoisonMessage unknownType(String type, String orderId, KnownEvents.Known known, String where) {
        return new PoisonMessage("unknown type " + type, type, orderId,
                where + " is " + type + ", and this consumer reads only " + known.type());
    }

    private static PoisonMessage newerVersion(int version, String orderId, KnownEvents.Known known) {
        return new PoisonMessage("version " + version + " newer than known " + known.newestVersion(), known.type(),
                orderId, known.type() + " version " + version + ", and this consumer reads up to version "
                        + known.newestVersion());
    }

    /** What the message was delivered as: what it says it is, else what its subscription expects. */
    private static String claimedOr(String claimed, KnownEvents.Known known) {
        return claimed != null ? claimed : known.type();
    }
}
