package io.txlab.order.flashsale.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashSaleRepository;
import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import org.springframework.stereotype.Service;

/** What GET /api/flash-sales/{saleId} shows: the sale, what Redis holds, and its orders per status. */
@Service
public class FlashSaleQueries {

    private final FlashSales sales;
    private final FlashSaleRepository repository;
    private final FlashStock stock;

    public FlashSaleQueries(FlashSales sales, FlashSaleRepository repository, FlashStock stock) {
        this.sales = sales;
        this.repository = repository;
        this.stock = stock;
    }

    /**
     * @param redisRemaining units Redis still sells; empty when Redis does not answer or lost the sale
     * @param redis          "ok", "not loaded" or "unavailable"
     */
    public record SaleState(FlashSale sale, Optional<Integer> redisRemaining, Optional<Integer> redisBuyers,
                            String redis, Map<String, Integer> orders) {

        /** Units no active order (PENDING or CONFIRMED) holds, as the database counts them. */
        public int databaseRemaining() {
            return Math.max(sale.units() - orders.getOrDefault("PENDING", 0) - orders.getOrDefault("CONFIRMED", 0), 0);
        }

        /**
         * Accepted purchases whose order is not placed yet: buyers holding a unit in Redis beyond the active
         * orders (a cancelled order's unit goes back). Empty when Redis does not answer or lost the sale.
         */
        public Optional<Integer> queued() {
            int active = orders.getOrDefault("PENDING", 0) + orders.getOrDefault("CONFIRMED", 0);
            return redisBuyers.map(buyers -> Math.max(buyers - active, 0));
        }
    }

    public SaleState state(String saleId) {
        return state(sales.get(saleId), repository.orderCounts(saleId));
    }

    /** The newest sales' states, newest first: one query for all their orders, one Redis read per sale. */
    public List<SaleState> newest(int limit) {
        List<FlashSale> newest = repository.newestFirst(limit);
        Map<String, Map<String, Integer>> orders = repository.orderCounts(
                newest.stream().map(FlashSale::saleId).toList());
        return newest.stream().map(sale -> state(sale, orders.get(sale.saleId()))).toList();
    }

    private SaleState state(FlashSale sale, Map<String, Integer> orders) {
        String saleId = sale.saleId();
        try {
            return stock.holding(saleId)
                    .map(held -> new SaleState(sale, Optional.of(held.remaining()), Optional.of(held.buyers().size()),
                            "ok", orders))
                    .orElseGet(() -> new SaleState(sale, Optional.empty(), Optional.empty(), "not loaded", orders));
        } catch (FlashStockUnavailableException e) {
            return new SaleState(sale, Optional.empty(), Optional.empty(), "unavailable", orders);
        }
    }
}
