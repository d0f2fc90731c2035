package io.txlab.order.flashsale.domain;

/** Port to inventory: moves a new sale's units out of the product's stock, once per sale id. */
public interface UnitAllocations {

    /**
     * @return true if the units are the sale's (now or from an earlier call); false if the product has fewer
     * @throws InventoryUnreachableException when inventory cannot be asked (unreachable, refused)
     */
    boolean allocate(String saleId, long productId, int units);
}
