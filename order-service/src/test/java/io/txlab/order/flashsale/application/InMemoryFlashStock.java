package io.txlab.order.flashsale.application;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.txlab.order.flashsale.domain.FlashStock;

/**
 * The gate's store in memory, with the semantics of RedisFlashStock's Lua scripts: a sale is "warmed" once
 * it has a count; take, claim and give-back change the count and the buyers together, in one step.
 */
final class InMemoryFlashStock implements FlashStock {

    private static final class Sale {
        int remaining;
        final Map<Long, Buyer> buyers = new LinkedHashMap<>();
    }

    private final Map<String, Sale> sales = new HashMap<>();
    private int calls;

    /** Loads a sale with all its units free, as after its creation. */
    void load(String saleId, int units) {
        warm(saleId, units, Map.of(), 0);
    }

    /** The store lost the sale (a Redis restart): its count and buyers are gone until it is warmed again. */
    synchronized void forget(String saleId) {
        sales.remove(saleId);
    }

    synchronized int remaining(String saleId) {
        return sales.get(saleId).remaining;
    }

    /** How many times the store was asked anything through the port. */
    synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized Take take(String saleId, long userId, String orderId, long nowMillis) {
        calls++;
        Sale sale = sales.get(saleId);
        if (sale == null) {
            return Take.NOT_WARMED;
        }
        if (sale.buyers.containsKey(userId)) {
            return Take.ALREADY_BOUGHT;
        }
        if (sale.remaining <= 0) {
            return Take.SOLD_OUT;
        }
        sale.remaining--;
        sale.buyers.put(userId, new Buyer(orderId, nowMillis));
        return Take.TAKEN;
    }

    @Override
    public synchronized Claim claim(String saleId, long userId, String orderId, long nowMillis) {
        calls++;
        Sale sale = sales.get(saleId);
        if (sale == null) {
            return Claim.NOT_WARMED;
        }
        Buyer held = sale.buyers.get(userId);
        if (held != null) {
            return held.orderId().equals(orderId) ? Claim.HELD : Claim.ANOTHER_ORDER;
        }
        if (sale.remaining <= 0) {
            return Claim.SOLD_OUT;
        }
        sale.remaining--;
        sale.buyers.put(userId, new Buyer(orderId, nowMillis));
        return Claim.TAKEN_AGAIN;
    }

    @Override
    public synchronized Optional<String> heldOrder(String saleId, long userId) {
        calls++;
        Sale sale = sales.get(saleId);
        return sale == null ? Optional.empty() : Optional.ofNullable(sale.buyers.get(userId)).map(Buyer::orderId);
    }

    @Override
    public synchronized boolean giveBack(String saleId, long userId, String orderId) {
        calls++;
        Sale sale = sales.get(saleId);
        if (sale == null) {
            return false;
        }
        Buyer held = sale.buyers.get(userId);
        if (held == null || !held.orderId().equals(orderId)) {
            return false;
        }
        sale.buyers.remove(userId);
        sale.remaining++;
        return true;
    }

    @Override
    public synchronized boolean warm(String saleId, int units, Map<Long, String> buyers, long nowMillis) {
        calls++;
        if (sales.containsKey(saleId)) {
            return false;
        }
        Sale sale = new Sale();
        buyers.forEach((userId, orderId) -> sale.buyers.put(userId, new Buyer(orderId, nowMillis)));
        sale.remaining = Math.max(units - sale.buyers.size(), 0);
        sales.put(saleId, sale);
        return true;
    }

    @Override
    public synchronized Optional<Holding> holding(String saleId) {
        calls++;
        Sale sale = sales.get(saleId);
        return sale == null ? Optional.empty() : Optional.of(new Holding(sale.remaining, new HashMap<>(sale.buyers)));
    }

    @Override
    public boolean restoreBuyer(String saleId, long userId, String orderId, long nowMillis) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public Recount recount(String saleId, int units) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}
