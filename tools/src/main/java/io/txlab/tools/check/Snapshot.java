package io.txlab.tools.check;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the three schemas say, read once: the orders, each order's stock and money movements, the books
 * of every product and account, the orders whose OrderCreated committed with them (in the order service's
 * tx_log, or as an outbox row) or was consumed, which participant consumed it, and the outbox rows not sent yet.
 * Two snapshots with the same data are {@link #sameData equal} whenever they were read.
 */
record Snapshot(Map<String, Order> orders, Map<String, Moves> stock, Map<String, Moves> money,
                List<Book> products, List<Book> accounts, Set<String> repeatedMovements, Set<String> published,
                Instant readAt, List<Sale> sales, Outbox outbox, Delivered delivered) {

    /** @param saleId the flash sale it was bought in; null for a normal order */
    record Order(String orderId, String status, long userId, long productId, String saleId, int quantity,
                 long amountCents, Instant createdAt) {
    }

    /**
     * One order's movements in one participant: rows and total of the effect (DEDUCT, CHARGE) and of its
     * undo (RELEASE, REFUND), and what they moved.
     *
     * @param subjects the products (stock) or users (money) its rows moved: one, if all is well
     * @param sales    the flash sales its stock rows moved, {@link #NO_SALE} for a row outside any; empty for money
     */
    record Moves(int appliedRows, long applied, int undoneRows, long undone, Set<Long> subjects, Set<String> sales) {

        static final String NO_SALE = "";

        long net() {
            return applied - undone;
        }

        boolean any() {
            return appliedRows + undoneRows > 0;
        }
    }

    /** The orders whose OrderCreated each participant consumed (consumed_message 'OrderCreated:<orderId>'). */
    record Delivered(Set<String> inventory, Set<String> payment) {

        static final Delivered NONE = new Delivered(Set.of(), Set.of());
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

    /** The same rows in every schema; when they were read does not matter. */
    boolean sameData(Snapshot other) {
        return equals(new Snapshot(other.orders, other.stock, other.money, other.products, other.accounts,
                other.repeatedMovements, other.published, readAt, other.sales, other.outbox, other.delivered));
    }

    long count(String status) {
        return orders.values().stream().filter(order -> order.status().equals(status)).count();
    }
}
