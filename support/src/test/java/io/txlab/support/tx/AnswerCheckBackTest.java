package io.txlab.support.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.metrics.MicrometerMeters;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

/** The broker's check-back is answered from the tx_log, never from memory, and every answer is recorded. */
class AnswerCheckBackTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final InMemoryTransactionLog transactionLog = new InMemoryTransactionLog();
    private final RecordedCheckBacks checkBacks = new RecordedCheckBacks();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AnswerCheckBack answerCheckBack = new AnswerCheckBack(transactionLog, checkBacks,
            new FaultPoints("order", true), "order-1", Clock.fixed(NOW, ZoneOffset.UTC), new MicrometerMeters(registry));

    @Test
    void aCommittedLocalTransactionIsCommitted() {
        transactionLog.recordCommitted("tx-1", pending());

        assertThat(answerCheckBack.answer("tx-1", "o-1", "OrderCreated", 1, "broker-a")).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(checkBacks.recorded).containsExactly(new CheckBack("tx-1", "o-1", "OrderCreated", 1,
                CheckBack.Answer.COMMIT, "order-1", NOW, NOW, null, "broker-a"));
        assertThat(registry.get("txlab.check.backs").tag("answer", "COMMIT").counter().count()).isEqualTo(1);
    }

    @Test
    void aRolledBackLocalTransactionIsRolledBack() {
        transactionLog.resolve("tx-1", "o-1", "OrderCreated", TransactionLog.DecidedBy.LOCAL_TX, NOW);

        assertThat(answerCheckBack.answer("tx-1", "o-1", "OrderCreated", 2, "broker-a"))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(checkBacks.recorded).extracting(CheckBack::answer).containsExactly(CheckBack.Answer.ROLLBACK);
    }

    @Test
    void aLocalTransactionWithoutARowIsRolledBackForGoodAndCannotCommitAfterwards() {
        // it never ran (the producer died after the half message), or it has not written its row yet
        assertThat(answerCheckBack.answer("tx-1", "o-1", "OrderCreated", 1, "broker-a"))
                .as("a definite answer, not UNKNOWN").isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);

        assertThat(transactionLog.rowOf("tx-1")).contains(new InMemoryTransactionLog.Row(
                TransactionLog.Status.ROLLED_BACK, TransactionLog.DecidedBy.CHECK_BACK));
        assertThatThrownBy(() -> transactionLog.recordCommitted("tx-1", pending()))
                .as("a local transaction arriving later fails on the key and rolls back too")
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aTxLogThatCannotBeReadAnswersUnknownSoTheBrokerAsksAgain() {
        transactionLog.unreadable(new DataAccessResourceFailureException("database down"));

        assertThat(answerCheckBack.answer("tx-1", "o-1", "OrderCreated", 3, "broker-a")).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(checkBacks.recorded).extracting(CheckBack::answer).containsExactly(CheckBack.Answer.UNKNOWN);
    }

    @Test
    void anAnswerStandsWhenItsRecordCannotBeWritten() {
        transactionLog.recordCommitted("tx-1", pending());
        checkBacks.down = true;

        assertThat(answerCheckBack.answer("tx-1", "o-1", "OrderCreated", 1, "broker-a")).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    }

    private static PendingPublish pending() {
        return new PendingPublish("o-1", "OrderCreated", NOW, txId -> { });
    }

    private static final class RecordedCheckBacks implements CheckBackLog {

        final List<CheckBack> recorded = new ArrayList<>();
        boolean down;

        @Override
        public void record(CheckBack checkBack) {
            if (down) {
                throw new DataAccessResourceFailureException("database down");
            }
            recorded.add(checkBack);
        }

        @Override
        public List<CheckBack> findByOrderId(String orderId) {
            return recorded.stream().filter(checkBack -> checkBack.orderId().equals(orderId)).toList();
        }

        @Override
        public List<CheckBack> findBetween(Instant since, Instant until, Optional<CheckBack.Answer> answer,
                                           int limit) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public List<InFlightTransaction> findUndecided(Instant since, int limit) {
            throw new UnsupportedOperationException("not needed by these tests");
        }
    }
}
