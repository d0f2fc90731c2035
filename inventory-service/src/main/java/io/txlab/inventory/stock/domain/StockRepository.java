package io.txlab.inventory.stock.domain;

import java.util.List;
import java.util.Optional;

/** Port to the stock table and its movements. */
public interface StockRepository {

    Optional<Stock> find(long productId);

    /**
     * Deducts {@code quantity} units of the product's stock, inside the caller's transaction. Never takes stock
     * below zero: the conditional write is the decision. It records no movement: the caller records the
     * deduction with {@link #recordDeductions} inside the same transaction.
     *
     * @return false when the product has fewer units, or does not exist (nothing changed)
     */
    boolean deduct(long productId, int quantity);

    /**
     * Records the DEDUCT movements of applied deductions with one write, inside the caller's transaction (the
     * one whose conditional writes took the units). An order deducted twice fails on the movement's unique key,
     * and rolls back the transaction. An empty list writes nothing.
     */
    void recordDeductions(List<StockDeduction> deductions);

    /**
     * Gives back exactly what the order's deduction took and records the release, inside the caller's
     * transaction. A second release of the same order fails on the movement's unique key.
     *
     * @throws IllegalStateException when the order has no deduction
     */
    void release(String orderId);

    List<StockMovement> movementsOf(String orderId);

    /** What is left of a flash sale's allocated units, as the stock its orders are sold from. */
    Optional<Stock> findAllocation(String saleId);

    /**
     * Like {@link #deduct} but from the flash sale's allocation: never takes it below zero, the conditional
     * write is the decision, and the movement is recorded separately by {@link #recordDeductions} inside the
     * same transaction. That movement carries the sale, so that a release gives the unit back to the sale, not
     * to normal stock.
     *
     * @return false when the sale has fewer units left, or is not one of the product's (nothing changed)
     */
    boolean deductFromSale(String saleId, long productId, int quantity);

    /**
     * Moves {@code units} of the product's stock into a new flash sale's allocation, once per sale.
     *
     * @return the allocation, existing or new; empty when the product has fewer units (nothing moved)
     */
    Optional<FlashAllocation> allocate(String saleId, long productId, int units);
}
