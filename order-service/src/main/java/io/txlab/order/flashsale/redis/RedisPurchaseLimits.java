package io.txlab.order.flashsale.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.txlab.order.flashsale.application.FlashSaleSettings;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.flashsale.domain.PurchaseLimits;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The sale's and the user's limits, shared by every instance, in one Lua call: a counter per sale and
 * second (at most {@code txlab.flash.global-rate-per-second} purchases in each second) and a counter per
 * user and sale that lives for one {@code txlab.flash.user-window} from the user's first request. Both
 * keys carry the sale's hash tag, so the script may touch both on a Redis cluster too. (Redisson's rate
 * limiters did the same in three round trips, and re-sent the user limiter's settings on every request.)
 */
@Component
class RedisPurchaseLimits implements PurchaseLimits {

    /** 0: go on; -1: the sale's second is full; > 0: milliseconds until the user's window ends. */
    private static final String LIMITS = """
            local sale = redis.call('INCR', KEYS[1])
            if sale == 1 then redis.call('PEXPIRE', KEYS[1], 2000) end
            if sale > tonumber(ARGV[1]) then return -1 end
            local user = redis.call('INCR', KEYS[2])
            if user == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
            if user > tonumber(ARGV[2]) then return math.max(redis.call('PTTL', KEYS[2]), 1) end
            return 0
            """;

    private final RedissonClient redisson;
    private final FlashSaleSettings settings;
    private final Clock clock;

    RedisPurchaseLimits(RedissonClient redisson, FlashSaleSettings settings, Clock clock) {
        this.redisson = redisson;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> retryAfter(String saleId, long userId) {
        long now = clock.millis();
        long answer;
        try {
            Long result = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, LIMITS,
                    RScript.ReturnType.LONG, List.of("txlab:flash:{" + saleId + "}:rate:" + now / 1000,
                            "txlab:flash:{" + saleId + "}:user:" + userId),
                    Integer.toString(settings.globalRatePerSecond()), Integer.toString(settings.userRequests()),
                    Long.toString(settings.userWindow().toMillis()));
            answer = result;
        } catch (RedisException e) {
            throw new FlashStockUnavailableException("Redis did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
        if (answer == 0) {
            return Optional.empty();
        }
        return Optional.of(answer < 0 ? Duration.ofMillis(1000 - now % 1000) : Duration.ofMillis(answer));
    }
}
