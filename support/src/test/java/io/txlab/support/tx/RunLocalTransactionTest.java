package io.txlab.support.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Which answer the broker gets, depending on where a local transaction fails. */
class RunLocalTransactionTest {

    private final TransactionLog transactionLog = mock(TransactionLog.class);
    private final FaultPoints faults = new FaultPoints("order", true);
    private final FakeTransactionManager transactionManager = new FakeTransactionManager();
    private final RunLocalTransaction run = new RunLocalTransaction(transactionLog,
            new CommitOutcomeResolver(new TransactionTemplate(transactionManager)), faults);

    private static final Instant SENT_AT = Instant.parse("2026-11-22T10:00:00Z");

    private static PendingPublish pending(LocalTransaction work) {
        return new PendingPublish("o-1", "OrderCreated", SENT_AT, work);
    }

    private TransactionLog.Status resolveAsLocalTransaction() {
        return transactionLog.resolve(eq("tx-1"), eq("o-1"), eq("OrderCreated"), eq(TransactionLog.DecidedBy.LOCAL_TX),
                any());
    }

    @Test
    void committedWorkAnswersCommitAndItsTxLogRowIsTheLastStatement() {
        List<String> statements = new ArrayList<>();
        doAnswer(call -> statements.add("INSERT tx_log")).when(transactionLog).recordCommitted(eq("tx-1"), any());
        PendingPublish pending = pending(txId -> statements.add("INSERT orders"));

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.COMMITTED);
        assertThat(statements).containsExactly("INSERT orders", "INSERT tx_log");
        assertThat(transactionManager.committed).isTrue();
    }

    @Test
    void failingWorkRollsBackAndAnswersRollback() {
        IllegalStateException cause = new IllegalStateException("no stock");
        PendingPublish pending = pending(txId -> {
            throw cause;
        });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.ROLLED_BACK);
        assertThat(pending.failure()).isSameAs(cause);
        assertThat(transactionManager.rolledBack).isTrue();
        verify(transactionLog, never()).recordCommitted(eq("tx-1"), any());
        // the rollback left no row: one is recorded for the timeline (and for a late check-back)
        verify(transactionLog).resolve("tx-1", "o-1", "OrderCreated", TransactionLog.DecidedBy.LOCAL_TX, SENT_AT);
    }

    @Test
    void aFailedCommitThatTheTxLogShowsCommittedAnswersCommit() {
        transactionManager.failCommit = true;
        when(resolveAsLocalTransaction()).thenReturn(TransactionLog.Status.COMMITTED);
        PendingPublish pending = pending(txId -> { });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.COMMITTED);
    }

    @Test
    void aFailedCommitThatTheTxLogShowsRolledBackAnswersRollback() {
        transactionManager.failCommit = true;
        when(resolveAsLocalTransaction()).thenReturn(TransactionLog.Status.ROLLED_BACK);
        PendingPublish pending = pending(txId -> { });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.ROLLED_BACK);
    }

    @Test
    void aFailedCommitThatCannotBeResolvedIsInDoubtNeverRolledBack() {
        transactionManager.failCommit = true;
        when(resolveAsLocalTransaction()).thenThrow(new IllegalStateException("database down"));
        PendingPublish pending = pending(txId -> { });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.IN_DOUBT);
    }

    @Test
    void aFailureAfterTheCommitAnswersUnknownButIsKnownCommitted() {
        faults.arm(FaultPoint.AFTER_LOCAL_COMMIT, FaultAction.throwTimes(1));
        PendingPublish pending = pending(txId -> { });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.COMMITTED);
        assertThat(transactionManager.committed).isTrue();
    }

    @Test
    void aFailureBeforeTheLocalTransactionRollsBack() {
        faults.arm(FaultPoint.BEFORE_LOCAL_TX, FaultAction.throwTimes(1));
        PendingPublish pending = pending(txId -> { });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.ROLLED_BACK);
        verify(transactionLog, never()).recordCommitted(eq("tx-1"), any());
    }

    @Test
    void aProducerThatDiesBeforeItsLocalTransactionRunsNothing() {
        faults.arm(FaultPoint.BEFORE_LOCAL_TX, FaultAction.unknown(1));
        PendingPublish pending = pending(txId -> {
            throw new AssertionError("must not run");
        });

        assertThat(run.run("tx-1", pending)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(pending.outcome()).isEqualTo(PublishResult.Outcome.NOT_RUN);
        verify(transactionLog, never()).recordCommitted(eq("tx-1"), any());
    }

    @Test
    void consumersAcknowledgeOnlyWhatIsCommitted() {
        new PublishResult("t", PublishResult.Outcome.COMMITTED, Optional.empty()).requireRecorded();
        assertThatThrownBy(() -> new PublishResult("t", PublishResult.Outcome.IN_DOUBT, Optional.empty())
                .requireRecorded()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PublishResult("t", PublishResult.Outcome.NOT_RUN, Optional.empty())
                .requireRecorded()).isInstanceOf(IllegalStateException.class);
        IllegalStateException cause = new IllegalStateException("stale");
        assertThatThrownBy(() -> new PublishResult("t", PublishResult.Outcome.ROLLED_BACK, Optional.of(cause))
                .requireRecorded()).isSameAs(cause);
    }
}
