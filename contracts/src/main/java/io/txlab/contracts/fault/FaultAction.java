package io.txlab.contracts.fault;

import java.time.Duration;

/**
 * What an armed fault point does when the code passes it.
 *
 * @param times how many passes it fires for before it disarms itself ({@link #ALWAYS} for no limit)
 */
public record FaultAction(Kind kind, int times, Duration delay) {

    public static final int ALWAYS = Integer.MAX_VALUE;

    public enum Kind {
        /** Halt the JVM at once, as kill -9 would: no shutdown hooks, no end-transaction. */
        CRASH,
        /** Throw an {@link InjectedFault}. */
        THROW,
        /** Sleep for {@link #delay()}. */
        DELAY,
        /** Answer UNKNOWN to the broker (local transaction or check-back). */
        UNKNOWN,
        /**
         * At {@code after-local-commit}: the committed local transaction's end-transaction never reaches the
         * broker. The RocketMQ client always sends one, so the producer sends UNKNOWN instead, which the
         * broker ignores just as it would a lost one: the half message stays undecided until a check-back.
         */
        DROP_END_TRANSACTION
    }

    public FaultAction {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive");
        }
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static FaultAction crash() {
        return new FaultAction(Kind.CRASH, 1, null);
    }

    public static FaultAction throwTimes(int times) {
        return new FaultAction(Kind.THROW, times, null);
    }

    public static FaultAction delay(Duration delay) {
        return new FaultAction(Kind.DELAY, ALWAYS, delay);
    }

    public static FaultAction unknown(int times) {
        return new FaultAction(Kind.UNKNOWN, times, null);
    }

    /** The action after one firing: one time fewer, unless it fires always. */
    public FaultAction fired() {
        return times == ALWAYS ? this : new FaultAction(kind, times - 1, delay);
    }
}
