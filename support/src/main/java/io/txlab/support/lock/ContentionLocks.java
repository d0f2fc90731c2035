package io.txlab.support.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redisson locks that only cut contention: a unique key in the database is always the guarantee. So when
 * Redis is down, or the lock stays busy past the wait, the work goes ahead without it, and releasing a
 * lock never fails the work it guarded.
 *
 * <p>A consumer's locks are one group: Redisson's multi-lock keeps all of them in one hash
 * ({@code txlab:lock:<group>}) and takes any number of them with one script, all or none. So a batch of
 * messages costs the same three Redis commands as one message, and a single order's lock excludes the
 * batch that holds it.
 */
public final class ContentionLocks {

    private static final Logger log = LoggerFactory.getLogger(ContentionLocks.class);

    private final RedissonClient redisson;
    private final Duration wait;
    private final Duration lease;

    /**
     * @param lease how long a held lock lives at most. A fixed lease spares Redisson's watchdog (a timer
     *              per lock and renewals); a handling that outlives it merely loses the contention cut.
     */
    public ContentionLocks(RedissonClient redisson, Duration wait, Duration lease) {
        this.redisson = redisson;
        this.wait = wait;
        this.lease = lease;
    }

    /** A lock that may or may not be held; closing it releases it if it is. */
    public interface Held extends AutoCloseable {

        boolean held();

        @Override
        void close();
    }

    /**
     * Takes the locks of {@code keys} in {@code group}, all or none.
     *
     * @throws IllegalStateException when interrupted while waiting (the caller should give up)
     */
    public Held acquire(String group, Collection<String> keys) {
        String name = group + ":" + String.join(",", keys);
        RLock lock;
        try {
            lock = redisson.getMultiLock("txlab:lock:" + group, new ArrayList<>(keys));
            if (lock.tryLock(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS)) {
                return held(name, lock);
            }
            log.info("lock {} still busy after {} ms, going on without it", name, wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for lock " + name, e);
        } catch (RuntimeException e) {
            log.warn("lock {} unavailable ({}), going on without it", name, e.toString());
        }
        return notHeld();
    }

    private static Held held(String key, RLock lock) {
        return new Held() {
            @Override
            public boolean held() {
                return true;
            }

            @Override
            public void close() {
                try {
                    lock.unlock();
                } catch (RuntimeException e) {
                    log.warn("could not release lock {} (it expires on its own): {}", key, e.toString());
                }
            }
        };
    }

    private static Held notHeld() {
        return new Held() {
            @Override
            public boolean held() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
