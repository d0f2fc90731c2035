package io.txlab.tools.bench;

import io.txlab.tools.client.PublishingWay;

/**
 * What request {@code i} of a run is: a pure function of its index. Every profile but mixed sends only orders;
 * mixed sends an order as every tenth request and reads otherwise, alternating a product's stock and the status
 * of an earlier order. Order {@code k} is one unit of product 7 (1.00, stock 100,000,000) from user
 * 100001 + k mod 50,000 (1,000,000.00 each), so consecutive orders are from distinct users and neither the stock
 * nor a balance runs out, run after run. Orders go the transactional way but in compare, where the publishing
 * ways take turns, order by order or block by block of seconds ({@link WayRotation}).
 */
public record RequestMix(boolean mixed, WayRotation ways) {

    public enum Kind { ORDER, STOCK_READ, STATUS_READ }

    public static final long FIRST_USER = 100_001;
    public static final int USERS = 50_000;
    public static final long PRODUCT = 7;
    private static final int ORDER_EVERY = 10;
    private static final int READ_PRODUCTS = 7;

    public static RequestMix of(BenchOptions options) {
        return new RequestMix(options.profile() == Profile.MIXED, WayRotation.of(options));
    }

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
        return PRODUCT;
    }

    /** {@code dueSecond}: the second of the run the order's request is due in. */
    public PublishingWay way(int orderNumber, int dueSecond) {
        return ways.way(orderNumber, dueSecond);
    }

    /** Spreads the stock reads over every product. */
    public long readProduct(int i) {
        return 1 + (i / 2) % READ_PRODUCTS;
    }
}
