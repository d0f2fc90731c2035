package io.txlab.tools.bench;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.txlab.tools.client.PublishingWay;
import io.txlab.tools.concurrent.DaemonThreads;

/**
 * Open model: one dispatcher sends each request at its intended time, whatever the answers do, and records each
 * answer when it comes; no request waits for another's answer, only for a free connection of the client. Latency
 * runs from the intended time, so any wait is part of it (no coordinated omission).
 */
final class OpenLoop {

    /**
     * Sends request {@code i} without waiting for its answer; the stage completes with the result (an empty error
     * when it got the answer it should, else the kind of error). Must not block.
     */
    interface Action {
        CompletionStage<Result> perform(int i);
    }

    /** {@code orderId} of an accepted order, else empty; {@code way} the order's (transactional for the rest). */
    record Result(Optional<String> error, String orderId, PublishingWay way) {
        static Result ok(String orderId) {
            return new Result(Optional.empty(), orderId, PublishingWay.TRANSACTIONAL);
        }

        static Result failed(String kind) {
            return new Result(Optional.of(kind), "", PublishingWay.TRANSACTIONAL);
        }

        Result by(PublishingWay way) {
            return new Result(error, orderId, way);
        }
    }

    /** Once a second: order rates over the last second, requests dispatched but not answered, errors so far. */
    record Progress(int elapsedSeconds, double offeredPerSecond, double achievedPerSecond, long inFlight, long errors) {
    }

    private final Schedule schedule;
    private final RequestMix mix;

    OpenLoop(Schedule schedule, RequestMix mix) {
        this.schedule = schedule;
        this.mix = mix;
    }

    /** Runs once; returns when every request is answered; {@code progress} is called from another thread. */
    long run(Action action, Recording recording, Consumer<Progress> progress) {
        return run(action, recording, progress, System.nanoTime());
    }

    /** As above, the run's second 0 starting at {@code start} (System.nanoTime), so others can keep its seconds. */
    long run(Action action, Recording recording, Consumer<Progress> progress, long start) {
        CountDownLatch answered = new CountDownLatch(schedule.size());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-progress"));
        ticker.scheduleAtFixedRate(new Ticker(recording, progress, start), 1, 1, TimeUnit.SECONDS);
        try {
            for (int i = 0; i < schedule.size(); i++) {
                long due = start + schedule.offsetNanos(i);
                waitUntil(due);
                boolean order = mix.kind(i) == RequestMix.Kind.ORDER;
                recording.offered(secondOf(due - start), order);
                recording.sent(System.nanoTime() - due);
                send(action, i).whenComplete((result, failure) -> {
                    long done = System.nanoTime();
                    Result outcome = failure == null ? result : Result.failed("exception " + rootOf(failure));
                    recording.completed(secondOf(done - start), secondOf(due - start), order, done - due, outcome);
                    answered.countDown();
                });
            }
            awaitAll(answered);
            return System.nanoTime() - start;
        } finally {
            DaemonThreads.stop(ticker);
        }
    }

    private static CompletionStage<Result> send(Action action, int i) {
        try {
            return action.perform(i);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Result.failed("exception " + e.getClass().getSimpleName()));
        }
    }

    private static String rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof CompletionException) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    static int secondOf(long offsetNanos) {
        return (int) (offsetNanos / 1_000_000_000L);
    }

    private static void waitUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
        }
    }

    private static void awaitAll(CountDownLatch answered) {
        try {
            // no limit of our own: each request ends within the client's connect and request timeouts
            answered.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class Ticker implements Runnable {
        private final Recording recording;
        private final Consumer<Progress> progress;
        private final long start;
        private long lastAt;
        private Recording.Totals last = new Recording.Totals(0, 0, 0, 0, 0);

        Ticker(Recording recording, Consumer<Progress> progress, long start) {
            this.recording = recording;
            this.progress = progress;
            this.start = start;
            this.lastAt = start;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            Recording.Totals totals = recording.totals();
            double seconds = (now - lastAt) / 1e9;
            progress.accept(new Progress((int) Math.round((now - start) / 1e9),
                    (totals.offeredOrders() - last.offeredOrders()) / seconds,
                    (totals.acceptedOrders() - last.acceptedOrders()) / seconds,
                    totals.dispatched() - totals.completed(), totals.errors()));
            last = totals;
            lastAt = now;
        }
    }
}
