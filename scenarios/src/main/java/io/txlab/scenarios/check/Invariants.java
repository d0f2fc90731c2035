package io.txlab.scenarios.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The invariants of DESIGN.md, each judged on one {@link Snapshot}. Pure: no I/O. */
final class Invariants {

    private static final Snapshot.Moves NONE = new Snapshot.Moves(0, 0, 0, 0);

    /**
     * How long a committed outbox row may wait for the relay: it is woken by the commit and polls every 0.1 s,
     * so 30 s leaves room for a broker outage's backoff (at most 5 s between tries) and a restart.
     */
    static final Duration OUTBOX_GRACE = Duration.ofSeconds(30);

    private final Duration pendingDeadline;
    private final Instant ordersFrom;

    /** @param ordersFrom orders created before this are not checked for a lost event (an old, known violation) */
    Invariants(Duration pendingDeadline, Instant ordersFrom) {
        this.pendingDeadline = pendingDeadline;
        this.ordersFrom = ordersFrom;
    }

    List<InvariantResult> judge(Snapshot snapshot) {
        return List.of(confirmedAppliedOnce(snapshot), cancelledNetZero(snapshot),
                books("stock-books-balance", "per product: initial stock = available + units moved into flash sales "
                        + "+ net deducted outside them; never negative", snapshot.products(), "product "),
                books("money-books-balance", "per account: initial balance = balance + net charged; never negative",
                        snapshot.accounts(), "user "),
                eachEffectOnce(snapshot), noEffectWithoutOrder(snapshot), everyOrderPublished(snapshot),
                noStalePending(snapshot), flashSaleBooks(snapshot), outboxDrained(snapshot));
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
        return InvariantResult.of("outbox-drained", description, outbox.rows(), violations);
    }

    /** Zero oversell, one unit per user, and the sale's own books. Redis is compared by reconciliation, not here. */
    private static InvariantResult flashSaleBooks(Snapshot snapshot) {
        String description = "per flash sale: orders holding a unit <= units, one per user; allocated units = "
                + "remaining + net sold; CONFIRMED orders = net sold";
        if (snapshot.sales().isEmpty()) {
            return InvariantResult.skipped("flash-sale-books", description, "no flash sales yet");
        }
        List<String> violations = new ArrayList<>();
        for (Snapshot.Sale sale : snapshot.sales()) {
            String id = "sale " + sale.saleId();
            if (sale.holding() > sale.units()) {
                violations.add(id + " (oversold: " + sale.holding() + " orders hold a unit of " + sale.units() + ")");
            } else if (sale.mostPerUser() > 1) {
                violations.add(id + " (a user holds " + sale.mostPerUser() + " units)");
            } else if (sale.allocated() != sale.units()) {
                violations.add(id + " (inventory allocated " + sale.allocated() + " of " + sale.units() + " units)");
            } else if (sale.remaining() < 0 || sale.allocated() != sale.remaining() + sale.netSold()) {
                violations.add(id + " (allocated " + sale.allocated() + " != " + sale.remaining() + " + " + sale.netSold()
                        + ")");
            } else if (sale.confirmed() > sale.netSold()) {
                violations.add(id + " (" + sale.confirmed() + " CONFIRMED orders, " + sale.netSold() + " units sold)");
            }
        }
        return InvariantResult.of("flash-sale-books", description, snapshot.sales().size(), violations);
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
            }
        }
        return InvariantResult.of("confirmed-orders-applied-once",
                "every CONFIRMED order has exactly one stock deduction and one charge, net", confirmed.size(), violations);
    }

    private static InvariantResult cancelledNetZero(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        List<Snapshot.Order> cancelled = ofStatus(snapshot, "CANCELLED");
        for (Snapshot.Order order : cancelled) {
            long stock = snapshot.stock().getOrDefault(order.orderId(), NONE).net();
            long money = snapshot.money().getOrDefault(order.orderId(), NONE).net();
            if (stock != 0 || money != 0) {
                violations.add(order.orderId() + " (net stock " + stock + ", net money " + money + ")");
            }
        }
        return InvariantResult.of("cancelled-orders-net-zero", "every CANCELLED order has zero net stock and money",
                cancelled.size(), violations);
    }

    private static InvariantResult books(String name, String description, List<Snapshot.Book> books, String label) {
        List<String> violations = new ArrayList<>();
        for (Snapshot.Book book : books) {
            if (book.current() < 0 || book.initial() != book.current() + book.netTaken()) {
                violations.add(label + book.id() + " (initial " + book.initial() + " != " + book.current() + " + "
                        + book.netTaken() + ")");
            }
        }
        return InvariantResult.of(name, description, books.size(), violations);
    }

    private static InvariantResult eachEffectOnce(Snapshot snapshot) {
        List<String> violations = new ArrayList<>(new TreeSet<>(snapshot.repeatedMovements()));
        undoneWithoutApply(snapshot.stock(), "stock", violations);
        undoneWithoutApply(snapshot.money(), "money", violations);
        return InvariantResult.of("no-effect-applied-twice", "no message's effect applied twice, none undone that was "
                + "not applied", snapshot.stock().size() + snapshot.money().size(), violations);
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
                + "does not have", snapshot.stock().size() + snapshot.money().size(), new ArrayList<>(orphans));
    }

    /** What the half message guarantees and a dual write does not: an order row exists only with its event. */
    private InvariantResult everyOrderPublished(Snapshot snapshot) {
        List<Snapshot.Order> checked = snapshot.orders().values().stream()
                .filter(order -> !order.createdAt().isBefore(ordersFrom))
                .sorted(Comparator.comparing(Snapshot.Order::createdAt)).toList();
        List<String> violations = checked.stream()
                .filter(order -> !snapshot.published().contains(order.orderId()))
                .map(order -> order.orderId() + " (no committed OrderCreated: its event was never published)")
                .toList();
        return InvariantResult.of("every-order-published",
                "every order row has its OrderCreated committed with it, or delivered", checked.size(), violations);
    }

    private InvariantResult noStalePending(Snapshot snapshot) {
        List<String> violations = ofStatus(snapshot, "PENDING").stream()
                .filter(order -> order.createdAt().plus(pendingDeadline).isBefore(snapshot.readAt()))
                .map(order -> order.orderId() + " (PENDING since " + order.createdAt() + ")")
                .toList();
        return InvariantResult.of("no-stale-pending", "no order PENDING past the sweeper deadline (" + pendingDeadline
                + ")", snapshot.count("PENDING"), violations);
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
