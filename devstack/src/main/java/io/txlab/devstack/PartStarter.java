package io.txlab.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded parts in parallel (they share nothing, and MariaDB's unpacking is mostly I/O), logs
 * how long each took, and on any failure closes the parts that did start before rethrowing.
 */
final class PartStarter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartStarter.class);

    private final ExecutorService pool;
    private final List<Future<? extends AutoCloseable>> futures = new ArrayList<>();

    PartStarter() {
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "txlab-devstack-start-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Submits a part; returns null (and starts nothing) when {@code embedded} is false. */
    <T extends AutoCloseable> Future<T> submit(boolean embedded, String name, Callable<T> start) {
        if (!embedded) {
            return null;
        }
        Future<T> future = pool.submit(() -> {
            long begin = System.nanoTime();
            T part = start.call();
            log.info("{} ready in {} ms", name, (System.nanoTime() - begin) / 1_000_000);
            return part;
        });
        futures.add(future);
        return future;
    }

    /** Waits for every submitted part; if one failed, closes the others and throws the first failure. */
    void awaitAll() {
        DevStackException failure = null;
        for (Future<? extends AutoCloseable> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : asDevStackException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new DevStackException("interrupted while starting the devstack", e);
            }
        }
        if (failure != null) {
            for (Future<? extends AutoCloseable> future : futures) {
                AutoCloseable part = resultOrNull(future);
                if (part != null) {
                    Closing.bounded(part.getClass().getSimpleName(), part, Closing.DEFAULT_TIMEOUT);
                }
            }
            throw failure;
        }
    }

    static <T> T resultOrNull(Future<T> future) {
        if (future == null) {
            return null;
        }
        try {
            return future.isDone() ? future.get() : null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static DevStackException asDevStackException(Throwable cause) {
        return cause instanceof DevStackException devStack ? devStack
                : new DevStackException("devstack failed to start: " + cause, cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
