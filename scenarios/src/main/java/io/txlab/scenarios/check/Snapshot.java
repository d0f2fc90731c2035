package io.txlab.scenarios.check;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the three schemas say, read once: the orders, each order's stock and money movements, the books
 * of every product and account, the orders whose OrderCreated committed with them (in the order service's
 * tx_log, or as an outbox row), and the outbox rows not sent yet.
 */
record Snapshot(Map<String, Order> orders, Map<String, Moves> stock, Map<String, Moves> money,
                List<Book> products, List<Book> accounts, Set<String> repeatedMovements, Set<String> published,
                Instant readAt, List<Sale> sales, Outbox outbox) {

    record Order(String orderId, String status, int quantity, long amountCents, Instant createdAt) {
    }

    /**
     * One order's movements in one participant: rows and total of the effect (DEDUCT, CHARGE) and of its
     * undo (RELEASE, REFUND).
     */
    record Moves(int appliedRows, long applied, int undoneRows, long undone) {

        long net() {
            return applied - undone;
        }
    }

    /** A product's or an account's books: what it opened with, what it holds, what its movements took net. */
    record Book(String id, long initial, long current, long netTaken) {
    }

    /**
     * A flash sale as the order schema and inventory's allocation see it.
     *
     * @param holding          its orders that hold a unit (PENDING or CONFIRMED)
     * @param mostPerUser      the most such orders one user has
     * @param allocated        units inventory moved into the sale; -1 when it has no allocation
     * @param remaining        the allocation's units not sold
     * @param netSold          units its movements deducted, net of releases
     */
    record Sale(String saleId, int units, int holding, int confirmed, int mostPerUser, int allocated, int remaining,
                int netSold) {
    }

    /**
     * The order schema's outbox_event table.
     *
     * @param present false for an order schema from before the outbox (V8)
     * @param rows    its rows, sent or not
     * @param unsent  the rows not sent yet
     */
    record Outbox(boolean present, long rows, List<Unsent> unsent) {

        static final Outbox ABSENT = new Outbox(false, 0, List.of());
    }

    record Unsent(long id, String orderId, Instant createdAt) {
    }

    long count(String status) {
        return orders.values().stream().filter(order -> order.status().equals(status)).count();
    }
}
