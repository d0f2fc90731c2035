package io.txlab.contracts.fault;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every fault point the code passes. A point's name is the service's name and the point's suffix, for example
 * {@code order.before-local-tx} or {@code inventory.after-db-commit}; a consumer's points carry the name it
 * deduplicates under, which is its service's (the order service consumes replies as {@code order}).
 */
public enum FaultPoint {

    BEFORE_LOCAL_TX("before-local-tx", "a half message is stored, its local transaction has not started", Services.ALL),
    IN_LOCAL_TX("in-local-tx", "inside the local transaction, its work done, before the commit", Services.ALL),
    AFTER_LOCAL_COMMIT("after-local-commit", "the local transaction committed, the end-transaction not yet sent",
            Services.ALL),
    CHECK_BACK("check-back", "answering a broker check-back, before reading the tx_log", Services.ALL),
    CONSUME("consume", "a message was delivered, before it is handled", Services.ALL),
    AFTER_DB_COMMIT("after-db-commit", "a message's effect committed, before the broker is acknowledged",
            Services.ALL),
    BEFORE_APPLY("before-apply", "a participant received an OrderCreated, before the DB transaction that records "
            + "and applies it", Services.PARTICIPANTS),
    BEFORE_REPLY("before-reply", "a participant committed an OrderCreated's effect, before it sends its reply "
            + "(a crash here: the redelivery finds the dedup row and replies again)", Services.PARTICIPANTS),
    COMPENSATE("compensate", "inside a cancel's DB transaction, before anything is undone", Services.PARTICIPANTS),
    BETWEEN_COMMIT_AND_SEND("between-commit-and-send", "the unsafe dual write: the order committed, its plain "
            + "message not yet sent", Services.ORDER),
    OUTBOX_RELAY("outbox-relay", "the outbox relay claimed a batch of unsent rows, before sending it (a throw "
            + "fails the batch: its rows stay unsent)", Services.ORDER),
    FLASH_PLACEMENT("flash-placement", "an accepted flash-sale purchase was delivered from the purchase queue, "
            + "before its order is placed (a crash here: the queue delivers it again and it is placed once)",
            Services.ORDER),
    FLASH_RECONCILE_JOB("flash-reconcile-job", "the background flash-sale reconciliation is about to run (a throw "
            + "skips that run; the on-demand reconciliation is not affected)", Services.ORDER);

    /** The part of the name after "{service}.". */
    private final String suffix;
    private final String where;
    private final Set<String> services;

    FaultPoint(String suffix, String where, Set<String> services) {
        this.suffix = suffix;
        this.where = where;
        this.services = services;
    }

    /** The part of the name after "{service}.", the same in every service that passes the point. */
    public String suffix() {
        return suffix;
    }

    /** Where the code is when it passes the point. */
    public String where() {
        return where;
    }

    public boolean passedBy(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /** The point's name in {@code service}, as the admin API and the logs spell it. */
    public String nameIn(String service) {
        return service + "." + suffix;
    }

    /** The points a service passes, in catalogue order. */
    public static List<FaultPoint> of(String service) {
        return Arrays.stream(values()).filter(point -> point.passedBy(service)).toList();
    }

    /** The point {@code name} names in {@code service}; empty when the service passes no such point. */
    public static Optional<FaultPoint> named(String service, String name) {
        return Arrays.stream(values()).filter(point -> point.passedBy(service) && point.nameIn(service).equals(name))
                .findFirst();
    }

    private static final class Services {
        static final Set<String> ALL = Set.of();
        static final Set<String> PARTICIPANTS = Set.of("inventory", "payment");
        static final Set<String> ORDER = Set.of("order");
    }
}
