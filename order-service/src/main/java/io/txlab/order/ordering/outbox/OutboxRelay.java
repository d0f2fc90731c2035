package io.txlab.order.ordering.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.txlab.support.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: one thread per instance that sends unsent outbox rows, batch after batch. A commit in
 * this instance wakes it at once ({@link #wake()}); otherwise it looks every poll interval, so that rows of
 * another instance, or left from before a restart, are sent too. After a failed batch it backs off (0.5 s
 * doubling to 5 s) and tries again: no row is ever given up.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final BatchRelay relay;
    private final OutboxSettings settings;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;

    OutboxRelay(BatchRelay relay, OutboxSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    /** Called after an outbox row committed: the relay looks now instead of at its next poll. */
    void wake() {
        Thread relayThread = thread;
        if (relayThread != null && woken.compareAndSet(false, true)) {
            LockSupport.unpark(relayThread);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "txlab-outbox-relay");
        thread.setDaemon(true);
        thread.start();
        log.info("outbox relay started: poll interval {}, batch size {}", settings.pollInterval(),
                settings.batchSize());
    }

    /** Lets the batch in flight finish (send and mark), so that a clean stop sends nothing twice. */
    @Override
    public synchronized void stop() {
        Thread relayThread = thread;
        running = false;
        if (relayThread == null) {
            return;
        }
        LockSupport.unpark(relayThread);
        try {
            relayThread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (relayThread.isAlive()) {
            log.warn("outbox relay still busy after {}; its unsent rows are sent after the next start", STOP_WAIT);
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has drained them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void run() {
        RelayBackoff backoff = new RelayBackoff();
        boolean idle = false;
        while (running) {
            // Cleared before the claim: a commit from now on wakes the next round, even if this one missed it.
            boolean wokenUp = woken.getAndSet(false);
            int sent;
            try {
                // An idle poll is one indexed read; a claim is a transaction of six statements, ten polls a
                // second. A wake-up means a row committed, so it claims at once.
                sent = idle && !wokenUp && !relay.anyUnsent() ? 0 : relay.relayNext(settings.batchSize());
                backoff.reset();
            } catch (RuntimeException e) {
                Duration wait = backoff.next();
                logFailure(e, wait);
                pause(wait);
                continue;
            }
            idle = sent == 0;
            if (sent < settings.batchSize() && !woken.get()) {
                LockSupport.parkNanos(this, settings.pollInterval().toNanos());
            }
        }
    }

    private static void logFailure(RuntimeException e, Duration wait) {
        if (e instanceof RelayOutboxBatch.BatchFailedException failed) {
            String orderId = failed.events().size() == 1 ? failed.events().get(0).orderId() : null;
            try (var ignored = LogContext.order(orderId)) {
                log.warn("{}; the rows stay unsent, next try in {} ms", e.getMessage(), wait.toMillis());
            }
        } else {
            log.warn("outbox relay could not claim or mark rows, next try in {} ms: {}", wait.toMillis(), e.toString());
        }
    }

    /** Not cut short by wake-ups: new rows do not make a failing broker recover sooner. */
    private void pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (running && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }
}
