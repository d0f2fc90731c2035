package io.txlab.contracts.event;

import java.util.Map;

/**
 * The event types this code knows, each with the newest version it can read: a consumer parks a message that
 * claims another type or carries a newer version instead of guessing at it. The newest version is the one
 * each record writes ({@code VERSION}), so a producer may raise a type's version only once every consumer of
 * it runs code that knows the new one.
 */
public final class KnownEvents {

    /** A known event type and the newest version of it that this code reads. */
    public record Known(String type, int newestVersion) {
    }

    private static final Map<Class<? extends Event>, Known> KNOWN = Map.of(
            OrderCreated.class, new Known(OrderCreated.TYPE, OrderCreated.VERSION),
            OrderCancelled.class, new Known(OrderCancelled.TYPE, OrderCancelled.VERSION),
            ParticipantReplied.class, new Known(ParticipantReplied.TYPE, ParticipantReplied.VERSION),
            FlashPurchaseAccepted.class, new Known(FlashPurchaseAccepted.TYPE, FlashPurchaseAccepted.VERSION));

    private KnownEvents() {
    }

    /** @throws IllegalArgumentException for a record not listed here: every event type must be */
    public static Known of(Class<? extends Event> type) {
        Known known = KNOWN.get(type);
        if (known == null) {
            throw new IllegalArgumentException(type.getName() + " is not a known event type");
        }
        return known;
    }
}
