package io.txlab.contracts.fault;

import java.util.List;
import java.util.Set;

/**
 * Every fault point the code passes. A point's name is the service's name and a suffix, for example
 * {@code order.before-local-tx} or {@code inventory.after-db-commit}; a consumer's points carry the name it
 * deduplicates under (the order service consumes replies as {@code order}).
 */
public final class FaultPointCatalogue {

    /**
     * @param suffix   the part after "{service}."
     * @param where    where the code is when it passes the point
     * @param services the services that pass it; empty: all of them
     */
    public record Point(String suffix, String where, Set<String> services) {

        /** The point's full name in {@code service}, for example {@code order.after-local-commit}. */
        public String in(String service) {
            return service + "." + suffix;
        }

        boolean passedBy(String service) {
            return services.isEmpty() || services.contains(service);
        }
    }

    private static final Set<String> ALL = Set.of();
    private static final Set<String> PARTICIPANTS = Set.of("inventory", "payment");
    private static final Set<String> ORDER = Set.of("order");

    public static final Point BEFORE_LOCAL_TX = new Point("before-local-tx",
            "a half message is stored, its local transaction has not started", ALL);
    public static final Point IN_LOCAL_TX = new Point("in-local-tx",
            "inside the local transaction, its work done, before the commit", ALL);
    public static final Point AFTER_LOCAL_COMMIT = new Point("after-local-commit",
            "the local transaction committed, the end-transaction not yet sent", ALL);
    public static final Point CHECK_BACK = new Point("check-back",
            "answering a broker check-back, before reading the tx_log", ALL);
    public static final Point CONSUME = new Point("consume", "a message was delivered, before it is handled", ALL);
    public static final Point AFTER_DB_COMMIT = new Point("after-db-commit",
            "a message's effect committed, before the broker is acknowledged", ALL);
    public static final Point BEFORE_APPLY = new Point("before-apply", "a participant received an OrderCreated, before "
            + "the DB transaction that records and applies it", PARTICIPANTS);
    public static final Point BEFORE_REPLY = new Point("before-reply", "a participant committed an OrderCreated's "
            + "effect, before it sends its reply (a crash here: the redelivery finds the dedup row and replies again)",
            PARTICIPANTS);
    public static final Point COMPENSATE = new Point("compensate",
            "inside a cancel's DB transaction, before anything is undone", PARTICIPANTS);
    public static final Point BETWEEN_COMMIT_AND_SEND = new Point("between-commit-and-send",
            "the unsafe dual write: the order committed, its plain message not yet sent", ORDER);
    public static final Point OUTBOX_RELAY = new Point("outbox-relay", "the outbox relay claimed a batch of unsent rows, "
            + "before sending it (a throw fails the batch: its rows stay unsent)", ORDER);
    public static final Point FLASH_PLACEMENT = new Point("flash-placement", "an accepted flash-sale purchase was "
            + "delivered from the purchase queue, before its order is placed (a crash here: the queue delivers it again "
            + "and it is placed once)", ORDER);
    public static final Point FLASH_RECONCILE_JOB = new Point("flash-reconcile-job", "the background flash-sale "
            + "reconciliation is about to run (a throw skips that run; the on-demand reconciliation is not affected)",
            ORDER);

    public static final List<Point> POINTS = List.of(BEFORE_LOCAL_TX, IN_LOCAL_TX, AFTER_LOCAL_COMMIT, CHECK_BACK,
            CONSUME, AFTER_DB_COMMIT, BEFORE_APPLY, BEFORE_REPLY, COMPENSATE, BETWEEN_COMMIT_AND_SEND, OUTBOX_RELAY,
            FLASH_PLACEMENT, FLASH_RECONCILE_JOB);

    private FaultPointCatalogue() {
    }

    /** The full names of the points a service passes. */
    public static List<String> namesFor(String service) {
        return POINTS.stream()
                .filter(point -> point.passedBy(service))
                .map(point -> point.in(service))
                .toList();
    }
}
