package io.txlab.tools.check;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proves the invariants of docs/architecture.md ("The invariants") on the three schemas, read-only. While the platform is still settling
 * (orders PENDING, compensation in flight) it reads again, up to a bound, and reports how long it took.
 * Each reading is a snapshot two consecutive reads agreed on, when they did ({@link SnapshotReader}).
 */
public final class ConsistencyChecker {

    /**
     * @param noPendingAfter  from the start (the end of the load) until no order was PENDING; empty if never
     * @param consistentAfter from the start until every invariant held; empty if never
     * @param snapshotReads   how many snapshots the judged reading took (see {@link SnapshotReader})
     * @param snapshotsAgreed whether its last two snapshots held the same data; if not, the last was judged anyway
     */
    public record Report(CheckTarget target, long confirmed, long cancelled, long pending, List<InvariantResult> results,
                         Optional<Duration> noPendingAfter, Optional<Duration> consistentAfter, int snapshotReads,
                         boolean snapshotsAgreed) {

        public boolean passed() {
            return results.stream().noneMatch(InvariantResult::failed);
        }
    }

    /** See {@link Invariants#DELIVERY_HORIZON}: the check-back horizon of OrderCreated plus consumer retries. */
    public static final Duration DEFAULT_DELIVERY_HORIZON = Invariants.DELIVERY_HORIZON;

    private static final Duration POLL = Duration.ofMillis(250);

    private final CheckTarget target;
    private final SnapshotReader reader;
    private final Invariants invariants;
    private final Clock clock;

    public ConsistencyChecker(CheckTarget target, Duration pendingDeadline) {
        this(target, pendingDeadline, Instant.EPOCH);
    }

    /** @param ordersFrom only orders created from then on are checked for a lost or undelivered event */
    public ConsistencyChecker(CheckTarget target, Duration pendingDeadline, Instant ordersFrom) {
        this(target, pendingDeadline, ordersFrom, DEFAULT_DELIVERY_HORIZON, Set.of());
    }

    /**
     * @param deliveryHorizon how old a PENDING order must be before its OrderCreated must have been consumed by both
     *                        participants (default {@link #DEFAULT_DELIVERY_HORIZON}, derived for the devstack)
     * @param expected        invariants that must check something (e.g. "confirmed-orders-applied-once" after a
     *                        load that confirmed orders): each that would be SKIP is FAIL instead
     */
    public ConsistencyChecker(CheckTarget target, Duration pendingDeadline, Instant ordersFrom,
                              Duration deliveryHorizon, Set<String> expected) {
        this.target = target;
        this.reader = new SnapshotReader(target);
        this.invariants = new Invariants(pendingDeadline, ordersFrom, deliveryHorizon, expected);
        this.clock = Clock.systemUTC();
    }

    /** Every invariant's name, in the report's order. */
    public static List<String> invariantNames() {
        return Invariants.NAMES;
    }

    /**
     * @param since when the load ended: convergence times are measured from here
     * @param wait  how long to keep reading while orders are PENDING or an invariant fails
     * @throws SQLException when a schema cannot be read
     */
    public Report check(Instant since, Duration wait) throws SQLException {
        Instant giveUp = clock.instant().plus(wait);
        Duration noPendingAfter = null;
        while (true) {
            SnapshotReader.Reading reading = reader.read();
            Snapshot snapshot = reading.snapshot();
            List<InvariantResult> results = invariants.judge(snapshot);
            long pending = snapshot.count("PENDING");
            if (pending == 0 && noPendingAfter == null) {
                noPendingAfter = elapsed(since, snapshot.readAt());
            }
            boolean consistent = pending == 0 && results.stream().noneMatch(InvariantResult::failed);
            if (consistent || !clock.instant().plus(POLL).isBefore(giveUp)) {
                return new Report(target, snapshot.count("CONFIRMED"), snapshot.count("CANCELLED"), pending, results,
                        Optional.ofNullable(noPendingAfter),
                        consistent ? Optional.of(elapsed(since, snapshot.readAt())) : Optional.empty(),
                        reading.reads(), reading.agreed());
            }
            pause();
        }
    }

    private static Duration elapsed(Instant since, Instant at) {
        return at.isBefore(since) ? Duration.ZERO : Duration.between(since, at);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for convergence", e);
        }
    }
}
