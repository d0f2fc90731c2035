package io.txlab.tools.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.txlab.tools.client.PurchaseOutcome;
import io.txlab.tools.concurrent.DaemonThreads;

/**
 * Fires every purchase of a run, closed model: {@code concurrency} workers on a fixed thread pool, each sending
 * its next purchase the moment the previous one is answered. A purchase's latency runs from that intended start
 * (not from when its request was built or a connection found), so delays on the client's side count. What a
 * closed model cannot show: a slower server also slows the offered load, so no queue builds up in front of it.
 */
final class FlashLoad {

    /** One click by a user; the outcome, or a RuntimeException (counted as an error). */
    interface Buyer {
        PurchaseOutcome purchase(long userId);
    }

    /** Once a second while the run lasts: requests answered so far and the rate over the last second. */
    record Progress(int done, int total, double requestsPerSecond) {
    }

    /** {@code firstError} describes the first of the errors, if any. */
    record Result(LatencyRecorder latencies, long elapsedNanos, Optional<String> firstError) {

        double requestsPerSecond() {
            return elapsedNanos == 0 ? 0 : latencies.total() / (elapsedNanos / 1e9);
        }
    }

    private final LoadOptions options;
    private final Buyer buyer;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    FlashLoad(LoadOptions options, Buyer buyer) {
        this.options = options;
        this.buyer = buyer;
    }

    /** Runs once; {@code progress} is called from another thread, never after this returns. */
    Result run(Consumer<Progress> progress) {
        int workers = Math.min(options.concurrency(), options.requests());
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.named("flash-buyer"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("flash-progress"));
        List<Callable<Void>> loops = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            loops.add(() -> {
                work();
                return null;
            });
        }
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(new Ticker(progress, started), 1, 1, TimeUnit.SECONDS);
        try {
            pool.invokeAll(loops);
            return new Result(latencies, System.nanoTime() - started, Optional.ofNullable(firstError.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
            DaemonThreads.stop(ticker);
        }
    }

    private void work() {
        long intended = System.nanoTime();
        for (int request = next.getAndIncrement(); request < options.requests() && !Thread.currentThread().isInterrupted();
                request = next.getAndIncrement()) {
            PurchaseOutcome outcome;
            try {
                outcome = buyer.purchase(options.buyer(request));
            } catch (RuntimeException e) {
                outcome = PurchaseOutcome.ERROR;
                firstError.compareAndSet(null, "user " + options.buyer(request) + ": " + e.getMessage());
            }
            long answered = System.nanoTime();
            latencies.record(outcome, answered - intended);
            intended = answered;
        }
    }

    private final class Ticker implements Runnable {
        private final Consumer<Progress> progress;
        private long lastAt;
        private int lastDone;

        Ticker(Consumer<Progress> progress, long startedAt) {
            this.progress = progress;
            this.lastAt = startedAt;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            int done = latencies.total();
            progress.accept(new Progress(done, options.requests(), (done - lastDone) / ((now - lastAt) / 1e9)));
            lastAt = now;
            lastDone = done;
        }
    }
}
