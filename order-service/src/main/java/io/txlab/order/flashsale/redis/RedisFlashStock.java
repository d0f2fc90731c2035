package io.txlab.order.flashsale.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.order.flashsale.domain.FlashStock;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The gate's units in Redis: {@code txlab:flash:{sale}:remaining} (a count) and {@code txlab:flash:{sale}:buyers}
 * (user id to "orderId@millis"). Every change is one Lua script, so the count always equals units minus
 * buyers held, and concurrent takes can never sell the last unit twice.
 */
@Component
class RedisFlashStock implements FlashStock {

    private static final String TAKE = """
            local remaining = redis.call('GET', KEYS[1])
            if not remaining then return 3 end
            if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 1 end
            if tonumber(remaining) <= 0 then return 2 end
            redis.call('DECR', KEYS[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
            return 0
            """;
    private static final String CLAIM = """
            local remaining = redis.call('GET', KEYS[1])
            if not remaining then return 4 end
            local held = redis.call('HGET', KEYS[2], ARGV[1])
            if held then
              if string.sub(held, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '@' then return 0 end
              return 2
            end
            if tonumber(remaining) <= 0 then return 3 end
            redis.call('DECR', KEYS[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. '@' .. ARGV[3])
            return 1
            """;
    private static final String GIVE_BACK = """
            local held = redis.call('HGET', KEYS[2], ARGV[1])
            if held and string.sub(held, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '@' then
              redis.call('HDEL', KEYS[2], ARGV[1])
              redis.call('INCR', KEYS[1])
              return 1
            end
            return 0
            """;
    private static final String WARM = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('DEL', KEYS[2])
            local held = 0
            for i = 2, #ARGV, 2 do
              redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
              held = held + 1
            end
            redis.call('SET', KEYS[1], math.max(tonumber(ARGV[1]) - held, 0))
            return 1
            """;
    private static final String RESTORE_BUYER = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
              redis.call('DECR', KEYS[1])
              return 1
            end
            return 0
            """;
    private static final String RECOUNT = """
            local before = tonumber(redis.call('GET', KEYS[1]) or '-1')
            local left = math.max(tonumber(ARGV[1]) - redis.call('HLEN', KEYS[2]), 0)
            if before ~= left then redis.call('SET', KEYS[1], left) end
            return {before, left}
            """;
    private static final FlashStock.Take[] TAKES = {Take.TAKEN, Take.ALREADY_BOUGHT, Take.SOLD_OUT, Take.NOT_WARMED};
    private static final FlashStock.Claim[] CLAIMS = {Claim.HELD, Claim.TAKEN_AGAIN, Claim.ANOTHER_ORDER,
            Claim.SOLD_OUT, Claim.NOT_WARMED};

    private final RedissonClient redisson;

    RedisFlashStock(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Take take(String saleId, long userId, String orderId, long nowMillis) {
        return TAKES[(int) run(TAKE, saleId, Long.toString(userId), orderId + "@" + nowMillis)];
    }

    @Override
    public Claim claim(String saleId, long userId, String orderId, long nowMillis) {
        return CLAIMS[(int) run(CLAIM, saleId, Long.toString(userId), orderId, Long.toString(nowMillis))];
    }

    @Override
    public Optional<String> heldOrder(String saleId, long userId) {
        try {
            String held = redisson.<String, String>getMap(buyersKey(saleId), StringCodec.INSTANCE)
                    .get(Long.toString(userId));
            return Optional.ofNullable(held).map(value -> buyer(value).orderId());
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean giveBack(String saleId, long userId, String orderId) {
        return run(GIVE_BACK, saleId, Long.toString(userId), orderId) == 1;
    }

    @Override
    public boolean warm(String saleId, int units, Map<Long, String> buyers, long nowMillis) {
        List<Object> args = new ArrayList<>();
        args.add(Integer.toString(units));
        buyers.forEach((userId, orderId) -> {
            args.add(Long.toString(userId));
            args.add(orderId + "@" + nowMillis);
        });
        return run(WARM, saleId, args.toArray()) == 1;
    }

    @Override
    public Optional<Holding> holding(String saleId) {
        try {
            String remaining = redisson.<String>getBucket(remainingKey(saleId), StringCodec.INSTANCE).get();
            if (remaining == null) {
                return Optional.empty();
            }
            Map<Long, Buyer> buyers = new HashMap<>();
            redisson.<String, String>getMap(buyersKey(saleId), StringCodec.INSTANCE).readAllMap()
                    .forEach((user, held) -> buyers.put(Long.parseLong(user), buyer(held)));
            return Optional.of(new Holding(Integer.parseInt(remaining), buyers));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean restoreBuyer(String saleId, long userId, String orderId, long nowMillis) {
        return run(RESTORE_BUYER, saleId, Long.toString(userId), orderId + "@" + nowMillis) == 1;
    }

    @Override
    public Recount recount(String saleId, int units) {
        try {
            List<Long> counts = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RECOUNT,
                    RScript.ReturnType.LIST, List.of(remainingKey(saleId), buyersKey(saleId)), Integer.toString(units));
            return new Recount(counts.get(0).intValue(), counts.get(1).intValue());
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private long run(String script, String saleId, Object... args) {
        try {
            Long result = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                    RScript.ReturnType.LONG, List.of(remainingKey(saleId), buyersKey(saleId)), args);
            return result;
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private static Buyer buyer(String held) {
        int at = held.lastIndexOf('@');
        return new Buyer(held.substring(0, at), Long.parseLong(held.substring(at + 1)));
    }

    /** Both keys share the hash tag {sale}, so a script may touch both on a Redis cluster too. */
    private static String remainingKey(String saleId) {
        return "txlab:flash:{" + saleId + "}:remaining";
    }

    private static String buyersKey(String saleId) {
        return "txlab:flash:{" + saleId + "}:buyers";
    }

    private static FlashStockUnavailableException unavailable(RedisException e) {
        return new FlashStockUnavailableException("Redis did not answer (" + e.getClass().getSimpleName() + ")", e);
    }
}
