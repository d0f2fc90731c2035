package io.txlab.order.flashsale.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.txlab.order.flashsale.domain.FlashSale;
import io.txlab.order.flashsale.domain.FlashSaleRepository;
import org.springframework.stereotype.Component;

/** Sales read once per instance: a sale row never changes, and every purchase needs one. */
@Component
public class FlashSales {

    private final FlashSaleRepository repository;
    private final Map<String, FlashSale> cache = new ConcurrentHashMap<>();

    public FlashSales(FlashSaleRepository repository) {
        this.repository = repository;
    }

    /** @throws FlashSaleNotFoundException when there is no such sale */
    public FlashSale get(String saleId) {
        FlashSale cached = cache.get(saleId);
        if (cached != null) {
            return cached;
        }
        FlashSale sale = repository.find(saleId).orElseThrow(() -> new FlashSaleNotFoundException(saleId));
        cache.put(saleId, sale);
        return sale;
    }
}
