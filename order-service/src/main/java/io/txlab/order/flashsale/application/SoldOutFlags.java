package io.txlab.order.flashsale.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * This instance's memory that a sale sold out: further requests are refused without a Redis round trip.
 * A flag lasts {@code txlab.flash.sold-out-flag}, so a unit given back on another instance is sold again
 * after at most that long; one given back here clears it at once.
 */
@Component
public class SoldOutFlags {

    private final Map<String, Instant> soldOutUntil = new ConcurrentHashMap<>();
    private final FlashSaleSettings settings;
    private final Clock clock;

    public SoldOutFlags(FlashSaleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    boolean isSoldOut(String saleId) {
        Instant until = soldOutUntil.get(saleId);
        return until != null && clock.instant().isBefore(until);
    }

    void soldOut(String saleId) {
        soldOutUntil.put(saleId, clock.instant().plus(settings.soldOutFlag()));
    }

    void unitReturned(String saleId) {
        soldOutUntil.remove(saleId);
    }
}
