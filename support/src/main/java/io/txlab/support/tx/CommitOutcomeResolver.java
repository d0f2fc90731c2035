package io.txlab.support.tx;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in one DB transaction and tells how it ended. A failure before the work finished rolled it back.
 * A failure after it (the commit itself) leaves the DB's outcome unknown: the transaction may have committed.
 * Then the work's own trace (its tx_log row, its order row), read outside the transaction, decides; only when
 * that read fails too is the outcome in doubt. Never "rolled back" for work that may have committed.
 */
public final class CommitOutcomeResolver {

    /** Reads whether the work of a transaction whose commit failed was kept. */
    @FunctionalInterface
    public interface Trace {

        /** @throws RuntimeException when it cannot tell now */
        boolean showsCommitted();
    }

    private static final Logger log = LoggerFactory.getLogger(CommitOutcomeResolver.class);

    private final TransactionTemplate transactions;

    public CommitOutcomeResolver(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * @param work      the transaction's statements; throwing rolls them back
     * @param traceName what {@code trace} reads, for the log
     */
    public <T> CommitOutcome<T> run(Supplier<T> work, String traceName, Trace trace) {
        boolean[] workDone = {false};
        T value;
        try {
            value = transactions.execute(status -> {
                T result = work.get();
                workDone[0] = true;
                return result;
            });
        } catch (RuntimeException e) {
            return workDone[0] ? afterFailedCommit(traceName, trace, e)
                    : CommitOutcome.of(CommitOutcome.Status.ROLLED_BACK, e);
        }
        return CommitOutcome.committed(value);
    }

    private static <T> CommitOutcome<T> afterFailedCommit(String traceName, Trace trace, RuntimeException failure) {
        log.warn("commit failed ({}), reading {} to learn whether it committed", failure.toString(), traceName);
        boolean committed;
        try {
            committed = trace.showsCommitted();
        } catch (RuntimeException unreadable) {
            log.warn("commit outcome in doubt, {} could not be read: {}", traceName, unreadable.toString());
            return CommitOutcome.of(CommitOutcome.Status.IN_DOUBT, failure);
        }
        return CommitOutcome.of(committed ? CommitOutcome.Status.FOUND_COMMITTED : CommitOutcome.Status.ROLLED_BACK,
                failure);
    }
}
