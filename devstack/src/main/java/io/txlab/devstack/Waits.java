package io.txlab.devstack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded polling for conditions the embedded servers expose no callback for. */
final class Waits {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Waits() {
    }

    /** Polls {@code condition} until it holds; throws a {@link DevStackException} naming {@code what} after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new DevStackException("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new DevStackException("interrupted while waiting until " + what);
            }
        }
    }

    /** Like {@link #until} but returns false instead of throwing. */
    static boolean within(Duration timeout, BooleanSupplier condition) {
        try {
            until("condition", timeout, condition);
            return true;
        } catch (DevStackException e) {
            return false;
        }
    }
}
