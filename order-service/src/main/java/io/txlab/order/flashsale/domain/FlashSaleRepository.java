package io.txlab.order.flashsale.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port to the flash_sale table and the sale's orders. */
public interface FlashSaleRepository {

    void insert(FlashSale sale);

    Optional<FlashSale> find(String saleId);

    /** Sales whose end is after {@code since}: the ones the reconciliation job looks after. */
    List<FlashSale> endingAfter(Instant since);

    /** The most recently created sales, newest first. */
    List<FlashSale> newestFirst(int limit);

    /** The sale's orders per status (PENDING, CONFIRMED, CANCELLED). */
    Map<String, Integer> orderCounts(String saleId);

    /** {@link #orderCounts} of several sales in one query: sale id to its counts (every listed sale present). */
    Map<String, Map<String, Integer>> orderCounts(Collection<String> saleIds);

    /** The sale's orders that hold a unit (PENDING or CONFIRMED): buyer user id to order id. */
    Map<Long, String> activeBuyers(String saleId);

    /** Whether the order exists at all (any status): a unit taken for an order never written is in flight or lost. */
    boolean orderExists(String orderId);
}
