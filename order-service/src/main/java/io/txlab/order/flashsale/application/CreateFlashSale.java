package io.txlab.order.flashsale.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashSaleRepository;
import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.flashsale.domain.UnitAllocations;
import io.txlab.order.ordering.application.ProductQueries;
import io.txlab.order.ordering.application.UnknownProductException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates a flash sale: inventory moves its units out of the product's stock first (so normal orders
 * cannot take them), then the sale is recorded and its units loaded into Redis. If Redis does not answer,
 * the sale is still created and reconciliation loads it.
 */
@Service
public class CreateFlashSale {

    private static final Logger log = LoggerFactory.getLogger(CreateFlashSale.class);

    private final FlashSaleRepository sales;
    private final ProductQueries products;
    private final UnitAllocations allocations;
    private final FlashStock stock;
    private final Clock clock;

    public CreateFlashSale(FlashSaleRepository sales, ProductQueries products, UnitAllocations allocations,
                           FlashStock stock, Clock clock) {
        this.sales = sales;
        this.products = products;
        this.allocations = allocations;
        this.stock = stock;
        this.clock = clock;
    }

    /**
     * @return the sale, and whether Redis has its units already
     * @throws UnknownProductException when the order service does not sell the product
     */
    public Created create(Long productId, Integer units, Instant startsAt, Instant endsAt) {
        FlashSale sale = FlashSale.create(UUID.randomUUID().toString(), productId, units, startsAt, endsAt,
                clock.instant());
        products.requireKnown(sale.productId());
        if (!allocations.allocate(sale.saleId(), sale.productId(), sale.units())) {
            throw new NotEnoughStockException(sale.productId(), sale.units());
        }
        sales.insert(sale);
        boolean warmed;
        try {
            warmed = stock.warm(sale.saleId(), sale.units(), Map.of(), clock.millis());
        } catch (FlashStockUnavailableException e) {
            log.warn("flash sale {} created, but Redis did not answer; reconciliation loads it: {}", sale.saleId(),
                    e.getMessage());
            warmed = false;
        }
        log.info("flash sale {} created: {} units of product {}, {} to {}", sale.saleId(), sale.units(),
                sale.productId(), sale.startsAt(), sale.endsAt());
        return new Created(sale, warmed);
    }

    public record Created(FlashSale sale, boolean loadedInRedis) {
    }
}
