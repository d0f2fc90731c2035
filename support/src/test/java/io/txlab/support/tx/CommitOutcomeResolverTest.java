package io.txlab.support.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/** Rolled back, committed, or in doubt: what one DB transaction's end is taken to be, depending on where it failed. */
class CommitOutcomeResolverTest {

    private final FakeTransactionManager transactionManager = new FakeTransactionManager();
    private final CommitOutcomeResolver commits = new CommitOutcomeResolver(new TransactionTemplate(transactionManager));
    private final List<String> traceReads = new ArrayList<>();

    private CommitOutcomeResolver.Trace trace(boolean showsCommitted) {
        return () -> {
            traceReads.add("read");
            return showsCommitted;
        };
    }

    @Test
    void workThatCommitsIsCommittedWithItsResultAndNoTraceIsRead() {
        CommitOutcome<Long> outcome = commits.run(() -> 42L, "the order row", trace(false));

        assertThat(outcome).isEqualTo(new CommitOutcome<>(CommitOutcome.Status.COMMITTED, 42L, null));
        assertThat(transactionManager.committed).isTrue();
        assertThat(traceReads).isEmpty();
    }

    @Test
    void workThatFailsIsRolledBackWithItsFailureWhateverTheTraceWouldSay() {
        IllegalStateException failure = new IllegalStateException("duplicate request id");

        CommitOutcome<Long> outcome = commits.run(() -> {
            throw failure;
        }, "the order row", trace(true));

        assertThat(outcome.status()).isEqualTo(CommitOutcome.Status.ROLLED_BACK);
        assertThat(outcome.failure()).isSameAs(failure);
        assertThat(transactionManager.rolledBack).isTrue();
        assertThat(traceReads).as("a failure before the commit is a rollback: nothing to read").isEmpty();
    }

    @Test
    void aFailedCommitWhoseTraceShowsTheWorkIsFoundCommitted() {
        transactionManager.failCommit = true;

        CommitOutcome<Long> outcome = commits.run(() -> 42L, "the order row", trace(true));

        assertThat(outcome.status()).isEqualTo(CommitOutcome.Status.FOUND_COMMITTED);
        assertThat(outcome.value()).as("the commit did not return it").isNull();
        assertThat(traceReads).hasSize(1);
    }

    @Test
    void aFailedCommitWhoseTraceShowsNothingIsRolledBackWithTheCommitFailure() {
        transactionManager.failCommit = true;

        CommitOutcome<Long> outcome = commits.run(() -> 42L, "the order row", trace(false));

        assertThat(outcome.status()).isEqualTo(CommitOutcome.Status.ROLLED_BACK);
        assertThat(outcome.failure()).isInstanceOf(TransactionSystemException.class);
        assertThat(traceReads).hasSize(1);
    }

    @Test
    void aFailedCommitWhoseTraceCannotBeReadIsInDoubtNeverRolledBack() {
        transactionManager.failCommit = true;

        CommitOutcome<Long> outcome = commits.run(() -> 42L, "the order row", () -> {
            throw new IllegalStateException("database down");
        });

        assertThat(outcome.status()).isEqualTo(CommitOutcome.Status.IN_DOUBT);
        assertThat(outcome.failure()).as("the commit's failure, not the read's")
                .isInstanceOf(TransactionSystemException.class);
    }
}
