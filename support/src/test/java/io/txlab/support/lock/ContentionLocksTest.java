package io.txlab.support.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;

class ContentionLocksTest {

    private final RedissonClient redisson = mock(RedissonClient.class);
    private final ContentionLocks locks = new ContentionLocks(redisson, Duration.ofMillis(10), Duration.ofSeconds(30));

    @Test
    void withRedisDownTheWorkGoesAheadWithoutTheLock() {
        when(redisson.getMultiLock("txlab:lock:inventory", List.of("o-1"))).thenThrow(new RedisConnectionException("down"));

        try (var lock = locks.acquire("inventory", List.of("o-1"))) {
            assertThat(lock.held()).isFalse();
        }
    }

    @Test
    void aBusyLockIsNotWaitedForForever() throws InterruptedException {
        RLock busy = mock(RLock.class);
        when(redisson.getMultiLock("txlab:lock:inventory", List.of("o-1"))).thenReturn(busy);
        when(busy.tryLock(anyLong(), eq(30_000L), eq(TimeUnit.MILLISECONDS))).thenReturn(false);

        try (var lock = locks.acquire("inventory", List.of("o-1"))) {
            assertThat(lock.held()).isFalse();
        }
    }

    @Test
    void aFailedReleaseDoesNotFailTheWorkItGuarded() throws InterruptedException {
        RLock lost = mock(RLock.class);
        when(redisson.getMultiLock("txlab:lock:inventory", List.of("o-1"))).thenReturn(lost);
        when(lost.tryLock(anyLong(), eq(30_000L), eq(TimeUnit.MILLISECONDS))).thenReturn(true);
        doThrow(new IllegalMonitorStateException("not the owner any more")).when(lost).unlock();

        try (var lock = locks.acquire("inventory", List.of("o-1"))) {
            assertThat(lock.held()).isTrue();
        }
    }
}
