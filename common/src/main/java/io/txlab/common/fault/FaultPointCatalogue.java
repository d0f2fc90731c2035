package io.txlab.common.fault;

import java.util.List;

/**
 * Every fault point the code passes. A point's name is the service's name and a suffix, for example
 * {@code order.before-local-tx} or {@code inventory.after-db-commit}; a consumer's points carry the name it
 * deduplicates under (the order service consumes replies as {@code order}).
 */
public final class FaultPointCatalogue {

    /**
     * @param suffix           the part after "{service}."
     * @param where            where the code is when it passes the point
     * @param participantsOnly only inventory and payment pass it
     */
    public record Point(String suffix, String where, boolean participantsOnly) {
    }

    public static final List<Point> POINTS = List.of(
            new Point("before-local-tx", "a half message is stored, its local transaction has not started", false),
            new Point("in-local-tx", "inside the local transaction, its work done, before the commit", false),
            new Point("after-local-commit", "the local transaction committed, the end-transaction not yet sent", false),
            new Point("check-back", "answering a broker check-back, before reading the tx_log", false),
            new Point("consume", "a message was delivered, before it is handled", false),
            new Point("after-db-commit", "a message's effect committed, before the broker is acknowledged", false),
            new Point("before-reply", "a participant decided, before it sends its reply half message", true),
            new Point("compensate", "inside a cancel's DB transaction, before anything is undone", true));

    private FaultPointCatalogue() {
    }

    /** The full names of the points a service passes. */
    public static List<String> namesFor(String service) {
        boolean participant = !"order".equals(service);
        return POINTS.stream()
                .filter(point -> participant || !point.participantsOnly())
                .map(point -> service + "." + point.suffix())
                .toList();
    }
}
