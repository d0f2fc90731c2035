package io.txlab.tools.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The invariants of docs/architecture.md ("The invariants"), each judged on one {@link Snapshot}. Pure: no I/O. */
final class Invariants {

    /** Every invariant's name, in the report's order. */
    static final List<String> NAMES = List.of("confirmed-orders-applied-once", "cancelled-orders-net-zero",
            "stock-books-balance", "money-books-balance", "no-effect-applied-twice", "no-effect-without-order",
            "every-order-published", "every-order-delivered", "no-stale-pending", "flash-sale-books", "outbox-drained");

    private static final Snapshot.Moves NONE = new Snapshot.Moves(0, 0, 0, 0, Set.of(), Set.of());

    /**
     * How long a committed outbox row may wait for the relay: it is woken by the commit and polls every 0.1 s,
     * so 30 s leaves room for a broker outage's backoff (at most 5 s between tries) and a restart.
     */
    static final Duration OUTBOX_GRACE = Duration.ofSeconds(30);

    /**
     * How long a committed order's OrderCreated may take to reach both participants on the devstack: the
     * check-back horizon of its half message (immunity 6 s + 15 checks x 2 s scan = 36 s, after which the broker
     * discards it; BrokerTransactionSettings) plus the first four consumer retries (1 + 2 + 4 + 8 = 15 s, the
     * broker's messageDelayLevel 3..6) = 51 s. A PENDING order older than that which a participant has not
     * consumed will not be delivered (the sweeper will cancel it). With RocketMQ's production defaults
     * (6 s + 15 x 30 s, retries from 10 s) pass about 10 minutes instead.
     */
    static final Duration DELIVERY_HORIZON = Duration.ofSeconds(6 + 15 * 2 + (1 + 2 + 4 + 8));

    private final Duration pendingDeadline;
    private final Instant ordersFrom;
    private final Duration deliveryHorizon;
    private final Set<String> expected;

    /** @param ordersFrom orders created before this are not checked for a lost event (an old, known violation) */
    Invariants(Duration pendingDeadline, Instant ordersFrom) {
        this(pendingDeadline, ordersFrom, DELIVERY_HORIZON, Set.of());
    }

    /**
     * @param ordersFrom      orders created before this are not checked for a lost or undelivered event
     * @param deliveryHorizon how old a PENDING order must be before every-order-delivered expects its event consumed
     * @param expected        the invariants that must check something: a SKIP of one of these is a FAIL
     */
    Invariants(Duration pendingDeadline, Instant ordersFrom, Duration deliveryHorizon, Set<String> expected) {
        if (!NAMES.containsAll(expected)) {
            throw new IllegalArgumentException("unknown invariants in " + expected + "; known: " + NAMES);
        }
        this.pendingDeadline = pendingDeadline;
        this.ordersFrom = ordersFrom;
        this.deliveryHorizon = deliveryHorizon;
        this.expected = Set.copyOf(expected);
    }

    List<InvariantResult> judge(Snapshot snapshot) {
        return List.of(confirmedAppliedOnce(snapshot), cancelledNetZero(snapshot),
                        books("stock-books-balance", "per product: initial stock = available + units moved into flash "
                                + "sales + net deducted outside them; never negative", snapshot.products(), "product ", "no products"),
                        books("money-books-balance", "per account: initial balance = balance + net charged; never "
                                + "negative", snapshot.accounts(), "user ", "no accounts"),
                        eachEffectOnce(snapshot), noEffectWithoutOrder(snapshot), everyOrderPublished(snapshot),
                        everyOrderDelivered(snapshot), noStalePending(snapshot), FlashSaleBooks.judge(snapshot),
                        outboxDrained(snapshot)).stream()
                .map(result -> expected.contains(result.name()) ? result.expected() : result)
                .toList();
    }

    /** The outbox's half of "the event will go out": the relay really sends each committed row, in time. */
    private static InvariantResult outboxDrained(Snapshot snapshot) {
        String description = "no outbox row left unsent longer than " + OUTBOX_GRACE.toSeconds() + " s";
        Snapshot.Outbox outbox = snapshot.outbox();
        if (!outbox.present() || outbox.rows() == 0) {
            return InvariantResult.skipped("outbox-drained", description, outbox.present()
                    ? "no order published through the outbox yet" : "no outbox_event table (order schema before V8)");
        }
        List<String> violations = outbox.unsent().stream()
                .filter(row -> row.createdAt().plus(OUTBOX_GRACE).isBefore(snapshot.readAt()))
                .map(row -> row.orderId() + " (outbox row " + row.id() + " unsent since " + row.createdAt() + ")")
                .toList();
        return InvariantResult.of("outbox-drained", description, outbox.rows(), violations, "no outbox rows");
    }

    private static InvariantResult confirmedAppliedOnce(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        List<Snapshot.Order> confirmed = ofStatus(snapshot, "CONFIRMED");
        for (Snapshot.Order order : confirmed) {
            Snapshot.Moves stock = snapshot.stock().getOrDefault(order.orderId(), NONE);
            Snapshot.Moves money = snapshot.money().getOrDefault(order.orderId(), NONE);
            if (stock.appliedRows() != 1 || stock.undoneRows() != 0 || stock.net() != order.quantity()) {
                violations.add(order.orderId() + " (stock: " + describe(stock) + ", ordered " + order.quantity() + ")");
            } else if (money.appliedRows() != 1 || money.undoneRows() != 0 || money.net() != order.amountCents()) {
                violations.add(order.orderId() + " (money: " + describe(money) + ", ordered " + order.amountCents() + ")");
            } else {
                MovementSubjects.wrongSubject(order, stock, money).ifPresent(violations::add);
            }
        }
        return InvariantResult.of("confirmed-orders-applied-once", "every CONFIRMED order has exactly one stock "
                + "deduction and one charge, net, on its own product (and sale) and its own user's account",
                confirmed.size(), violations, "no CONFIRMED orders");
    }

    private static InvariantResult cancelledNetZero(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        List<Snapshot.Order> cancelled = ofStatus(snapshot, "CANCELLED");
        for (Snapshot.Order order : cancelled) {
            Snapshot.Moves stock = snapshot.stock().getOrDefault(order.orderId(), NONE);
            Snapshot.Moves money = snapshot.money().getOrDefault(order.orderId(), NONE);
            if (stock.net() != 0 || money.net() != 0) {
                violations.add(order.orderId() + " (net stock " + stock.net() + ", net money " + money.net() + ")");
            } else {
                MovementSubjects.wrongSubject(order, stock, money).ifPresent(violations::add);
            }
        }
        return InvariantResult.of("cancelled-orders-net-zero", "every CANCELLED order has zero net stock and money, "
                + "moved (if at all) on its own product and account", cancelled.size(), violations,
                "no CANCELLED orders");
    }

    private static InvariantResult books(String name, String description, List<Snapshot.Book> books, String label,
                                         String ifNone) {
        List<String> violations = new ArrayList<>();
        for (Snapshot.Book book : books) {
            if (book.current() < 0 || book.initial() != book.current() + book.netTaken()) {
                violations.add(label + book.id() + " (initial " + book.initial() + " != " + book.current() + " + "
                        + book.netTaken() + ")");
            }
        }
        return InvariantResult.of(name, description, books.size(), violations, ifNone);
    }

    private static InvariantResult eachEffectOnce(Snapshot snapshot) {
        List<String> violations = new ArrayList<>(new TreeSet<>(snapshot.repeatedMovements()));
        undoneWithoutApply(snapshot.stock(), "stock", violations);
        undoneWithoutApply(snapshot.money(), "money", violations);
        return InvariantResult.of("no-effect-applied-twice", "no message's effect applied twice, none undone that was "
                + "not applied", snapshot.stock().size() + snapshot.money().size(), violations, "no movements");
    }

    private static void undoneWithoutApply(Map<String, Snapshot.Moves> moves, String what, List<String> violations) {
        moves.forEach((orderId, move) -> {
            if (move.undoneRows() > move.appliedRows() || move.undone() > move.applied()) {
                violations.add(orderId + " (" + what + " undone without being applied)");
            }
        });
    }

    private static InvariantResult noEffectWithoutOrder(Snapshot snapshot) {
        Set<String> orphans = new TreeSet<>();
        snapshot.stock().keySet().stream().filter(id -> !snapshot.orders().containsKey(id))
                .forEach(id -> orphans.add(id + " (stock moved)"));
        snapshot.money().keySet().stream().filter(id -> !snapshot.orders().containsKey(id))
                .forEach(id -> orphans.add(id + " (money moved)"));
        return InvariantResult.of("no-effect-without-order", "no deduction or charge for an order the order service "
                + "does not have", snapshot.stock().size() + snapshot.money().size(), new ArrayList<>(orphans),
                "no movements");
    }

    /** What the half message guarantees and a dual write does not: an order row exists only with its event. */
    private InvariantResult everyOrderPublished(Snapshot snapshot) {
        List<Snapshot.Order> checked = checkedForEvents(snapshot).toList();
        List<String> violations = checked.stream()
                .filter(order -> !snapshot.published().contains(order.orderId()))
                .map(order -> order.orderId() + " (no committed OrderCreated: its event was never published)")
                .toList();
        return InvariantResult.of("every-order-published",
                "every order row has its OrderCreated committed with it, or delivered", checked.size(), violations,
                "no orders" + since());
    }

    /**
     * A committed event is not a delivered one: the broker may still discard the half message (no check-back
     * answered COMMIT). A CONFIRMED order was consumed by both participants; any other order older than the
     * delivery horizon was too, unless it is CANCELLED (the sweeper's cancel reaches both instead). An order
     * whose event was never published at all is every-order-published's, not reported twice.
     */
    private InvariantResult everyOrderDelivered(Snapshot snapshot) {
        Instant horizon = snapshot.readAt().minus(deliveryHorizon);
        List<Snapshot.Order> checked = checkedForEvents(snapshot)
                .filter(order -> snapshot.published().contains(order.orderId()))
                .filter(order -> order.status().equals("CONFIRMED")
                        || !order.status().equals("CANCELLED") && order.createdAt().isBefore(horizon))
                .toList();
        Snapshot.Delivered delivered = snapshot.delivered();
        List<String> violations = new ArrayList<>();
        for (Snapshot.Order order : checked) {
            boolean inventory = delivered.inventory().contains(order.orderId());
            boolean payment = delivered.payment().contains(order.orderId());
            if (!inventory || !payment) {
                String by = inventory ? "inventory only" : payment ? "payment only" : "neither participant";
                violations.add(order.orderId() + " (" + order.status() + ", OrderCreated consumed by " + by
                        + (order.status().equals("CONFIRMED") ? ")"
                        : " after the " + deliveryHorizon.toSeconds() + " s delivery horizon)"));
            }
        }
        return InvariantResult.of("every-order-delivered", "every CONFIRMED order, and every other order older "
                + "than " + deliveryHorizon.toSeconds() + " s not CANCELLED, had its OrderCreated consumed by both "
                + "participants", checked.size(), violations, "no CONFIRMED orders and no PENDING order older than "
                + deliveryHorizon.toSeconds() + " s" + since());
    }

    private Stream<Snapshot.Order> checkedForEvents(Snapshot snapshot) {
        return snapshot.orders().values().stream()
                .filter(order -> !order.createdAt().isBefore(ordersFrom))
                .sorted(Comparator.comparing(Snapshot.Order::createdAt));
    }

    private String since() {
        return ordersFrom.equals(Instant.EPOCH) ? "" : " created since " + ordersFrom;
    }

    /** Every order is looked at: one not PENDING, or PENDING within the deadline, holds. */
    private InvariantResult noStalePending(Snapshot snapshot) {
        List<String> violations = ofStatus(snapshot, "PENDING").stream()
                .filter(order -> order.createdAt().plus(pendingDeadline).isBefore(snapshot.readAt()))
                .map(order -> order.orderId() + " (PENDING since " + order.createdAt() + ")")
                .toList();
        return InvariantResult.of("no-stale-pending", "no order PENDING past the sweeper deadline (" + pendingDeadline
                + ")", snapshot.orders().size(), violations, "no orders");
    }

    private static List<Snapshot.Order> ofStatus(Snapshot snapshot, String status) {
        return snapshot.orders().values().stream().filter(order -> order.status().equals(status))
                .sorted(Comparator.comparing(Snapshot.Order::createdAt)).toList();
    }

    private static String describe(Snapshot.Moves moves) {
        return moves.appliedRows() + " applied (" + moves.applied() + "), " + moves.undoneRows() + " undone ("
                + moves.undone() + ")";
    }
}
