package io.txlab.inventory.stock.application;

import java.util.Optional;

import io.txlab.inventory.stock.domain.FlashAllocation;
import io.txlab.inventory.stock.domain.StockRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves a new flash sale's units out of the product's stock, once per sale (a repeat returns the first). */
@Service
public class AllocateFlashUnits {

    private static final Logger log = LoggerFactory.getLogger(AllocateFlashUnits.class);

    private final StockRepository stocks;

    public AllocateFlashUnits(StockRepository stocks) {
        this.stocks = stocks;
    }

    /** @return the allocation; empty when the product has fewer units than asked (nothing moved) */
    @Transactional
    public Optional<FlashAllocation> allocate(String saleId, long productId, int units) {
        Optional<FlashAllocation> allocation = stocks.allocate(saleId, productId, units);
        log.info("flash sale {}: {} of product {} {}", saleId, units, productId,
                allocation.isPresent() ? "allocated" : "refused: not enough stock");
        return allocation;
    }
}
