package io.txlab.scenarios.bench;

/**
 * What request {@code i} of a run is: a pure function of its index. Every profile but mixed sends only orders;
 * mixed sends an order as every tenth request and reads otherwise, alternating a product's stock and the status
 * of an earlier order. Order {@code k} comes from user 1001 + k mod 2000, so consecutive orders are from distinct
 * users and each funded user (1,000.00) buys in turn; products 6 (stock 100,000) and 4 (stock 5,000) take turns
 * by round of 2,000 orders, so neither stock nor a user's balance runs out in runs of a few ten thousand orders.
 */
public record RequestMix(boolean mixed) {

    public enum Kind { ORDER, STOCK_READ, STATUS_READ }

    public static final long FIRST_USER = 1001;
    public static final int USERS = 2000;
    private static final int ORDER_EVERY = 10;
    private static final long[] PRODUCTS = {6, 4};
    private static final int READ_PRODUCTS = 6;

    public Kind kind(int i) {
        if (!mixed || i % ORDER_EVERY == 0) {
            return Kind.ORDER;
        }
        return i % 2 == 0 ? Kind.STOCK_READ : Kind.STATUS_READ;
    }

    /** The order's number among the run's orders; only for requests of kind ORDER. */
    public int orderNumber(int i) {
        return mixed ? i / ORDER_EVERY : i;
    }

    public long user(int orderNumber) {
        return FIRST_USER + orderNumber % USERS;
    }

    public long product(int orderNumber) {
        return PRODUCTS[(orderNumber / USERS) % PRODUCTS.length];
    }

    /** Spreads the stock reads over every product. */
    public long readProduct(int i) {
        return 1 + (i / 2) % READ_PRODUCTS;
    }
}
