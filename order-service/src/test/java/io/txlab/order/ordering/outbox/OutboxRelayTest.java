package io.txlab.order.ordering.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay's thread: when it looks for rows, and how it waits after a failure. */
class OutboxRelayTest {

    private static final Duration NEVER = Duration.ofHours(1);

    /** Calls of the batch step, each answered by {@code answer} (call number → rows sent; negative: throw). */
    private static final class RecordingBatches implements BatchRelay {

        final List<Long> callNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger looks = new AtomicInteger();
        volatile boolean unsent = true;
        private final AtomicInteger calls = new AtomicInteger();
        private final IntUnaryOperator answer;

        RecordingBatches(IntUnaryOperator answer) {
            this.answer = answer;
        }

        @Override
        public int relayNext(int batchSize) {
            callNanos.add(System.nanoTime());
            int sent = answer.applyAsInt(calls.incrementAndGet());
            if (sent < 0) {
                throw new IllegalStateException("broker down");
            }
            return sent;
        }

        @Override
        public boolean anyUnsent() {
            looks.incrementAndGet();
            return unsent;
        }

        int calls() {
            return callNanos.size();
        }

        long millisBetween(int call, int nextCall) {
            return (callNanos.get(nextCall - 1) - callNanos.get(call - 1)) / 1_000_000;
        }
    }

    private OutboxRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    private RecordingBatches start(Duration pollInterval, int batchSize, IntUnaryOperator answer) {
        RecordingBatches batches = new RecordingBatches(answer);
        relay = new OutboxRelay(batches, new OutboxSettings(pollInterval, batchSize));
        relay.start();
        return batches;
    }

    @Test
    void aWakeUpMakesTheRelayLookAtOnceInsteadOfAtItsNextPoll() {
        RecordingBatches batches = start(NEVER, 100, call -> 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.calls() == 1);

        relay.wake();

        await().atMost(Duration.ofSeconds(2)).until(() -> batches.calls() == 2);
    }

    @Test
    void withoutWakeUpsItLooksEveryPollInterval() {
        RecordingBatches batches = start(Duration.ofMillis(50), 100, call -> 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.calls() >= 4);
        assertThat(batches.millisBetween(1, 2)).isGreaterThanOrEqualTo(40);
    }

    @Test
    void anIdlePollOnlyLooksAndClaimsWhenItFindsARowOrIsWoken() {
        RecordingBatches batches = new RecordingBatches(call -> 0);
        batches.unsent = false;
        relay = new OutboxRelay(batches, new OutboxSettings(Duration.ofMillis(20), 100));
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.looks.get() >= 3);
        assertThat(batches.calls()).as("only the first round claims; idle polls only look").isEqualTo(1);

        relay.wake();
        await().atMost(Duration.ofSeconds(2)).until(() -> batches.calls() == 2);

        batches.unsent = true;
        await().atMost(Duration.ofSeconds(2)).until(() -> batches.calls() >= 3);
    }

    @Test
    void aFullBatchIsFollowedByTheNextAtOnce() {
        RecordingBatches batches = start(NEVER, 10, call -> call == 1 ? 10 : 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.calls() == 2);
    }

    @Test
    void afterFailuresItBacksOffDoublingAndWakeUpsDoNotCutTheWaitShort() {
        RecordingBatches batches = start(NEVER, 100, call -> call <= 2 ? -1 : 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.calls() == 1);

        relay.wake();
        relay.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.calls() == 3);
        assertThat(batches.millisBetween(1, 2)).isGreaterThanOrEqualTo(450);
        assertThat(batches.millisBetween(2, 3)).isGreaterThanOrEqualTo(950);
    }

    @Test
    void stopEndsTheThreadAndNothingRunsAfterIt() {
        RecordingBatches batches = start(Duration.ofMillis(20), 100, call -> 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.calls() >= 2);

        relay.stop();
        int callsAtStop = batches.calls();

        assertThat(relay.isRunning()).isFalse();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> batches.calls() == callsAtStop);
    }
}
