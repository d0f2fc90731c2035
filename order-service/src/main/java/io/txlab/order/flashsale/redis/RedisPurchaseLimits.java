package io.txlab.order.flashsale.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.txlab.order.flashsale.application.FlashSaleSettings;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.flashsale.domain.PurchaseLimits;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.springframework.stereotype.Component;

/**
 * Redisson rate limiters, shared by every instance: one token bucket per sale (OVERALL), one window per
 * user and sale, which expires when the user goes quiet.
 */
@Component
class RedisPurchaseLimits implements PurchaseLimits {

    private static final Duration BUCKET_REFILL = Duration.ofSeconds(1);

    private final RedissonClient redisson;
    private final FlashSaleSettings settings;
    /** Sales whose bucket this instance has configured: trySetRate keeps the first setting anyway. */
    private final Set<String> configured = ConcurrentHashMap.newKeySet();

    RedisPurchaseLimits(RedissonClient redisson, FlashSaleSettings settings) {
        this.redisson = redisson;
        this.settings = settings;
    }

    @Override
    public Optional<Duration> retryAfter(String saleId, long userId) {
        try {
            if (!acquireFromSaleBucket(saleId)) {
                return Optional.of(BUCKET_REFILL);
            }
            RRateLimiter user = redisson.getRateLimiter("txlab:flash:{" + saleId + "}:user:" + userId);
            user.trySetRate(RateType.OVERALL, settings.userRequests(), settings.userWindow(),
                    settings.userWindow().multipliedBy(2));
            return user.tryAcquire() ? Optional.empty() : Optional.of(settings.userWindow());
        } catch (RedisException e) {
            configured.remove(saleId);
            throw new FlashStockUnavailableException("Redis did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A Redis that restarted has lost the bucket's settings: set them again when it says so, and retry once. */
    private boolean acquireFromSaleBucket(String saleId) {
        RRateLimiter sale = redisson.getRateLimiter("txlab:flash:{" + saleId + "}:rate");
        if (configured.add(saleId)) {
            sale.trySetRate(RateType.OVERALL, settings.globalRatePerSecond(), BUCKET_REFILL);
        }
        try {
            return sale.tryAcquire();
        } catch (RedisException e) {
            if (!String.valueOf(e.getMessage()).contains("not initialized")) {
                throw e;
            }
            sale.trySetRate(RateType.OVERALL, settings.globalRatePerSecond(), BUCKET_REFILL);
            return sale.tryAcquire();
        }
    }
}
