package io.txlab.support.tx;

/**
 * How one DB transaction ended, as far as this process can tell ({@link CommitOutcomeResolver}).
 *
 * @param value   what the work returned; null unless {@link Status#COMMITTED}
 * @param failure why it did not simply commit: the work's failure, or the commit's; null when it committed
 */
public record CommitOutcome<T>(Status status, T value, RuntimeException failure) {

    public enum Status {
        /** The commit returned. */
        COMMITTED,
        /** The commit failed, but the work's trace, read afterwards, shows it committed. */
        FOUND_COMMITTED,
        /** The work failed, or the commit did and the trace shows nothing was kept. */
        ROLLED_BACK,
        /** The commit failed and the trace could not be read: it may or may not have committed. */
        IN_DOUBT
    }

    static <T> CommitOutcome<T> committed(T value) {
        return new CommitOutcome<>(Status.COMMITTED, value, null);
    }

    static <T> CommitOutcome<T> of(Status status, RuntimeException failure) {
        return new CommitOutcome<>(status, null, failure);
    }
}
