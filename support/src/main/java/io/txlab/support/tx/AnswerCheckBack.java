package io.txlab.support.tx;

import java.time.Clock;
import java.time.Instant;

import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.trace.Traces;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the broker's check-back from the database, never from memory, and records every answer. */
final class AnswerCheckBack {

    private static final Logger log = LoggerFactory.getLogger(AnswerCheckBack.class);

    private final TransactionLog transactionLog;
    private final CheckBackLog checkBacks;
    private final FaultPoints faults;
    private final String instance;
    private final Clock clock;
    private final TxLabMeters meters;

    AnswerCheckBack(TransactionLog transactionLog, CheckBackLog checkBacks, FaultPoints faults, String instance,
                    Clock clock, TxLabMeters meters) {
        this.transactionLog = transactionLog;
        this.checkBacks = checkBacks;
        this.faults = faults;
        this.instance = instance;
        this.clock = clock;
        this.meters = meters;
    }

    /** @param broker the broker that asks, the one that stores the half message */
    LocalTransactionState answer(String txId, String orderId, String eventType, int attempt, String broker) {
        try (var ignored = LogContext.transaction(orderId, txId)) {
            Instant receivedAt = clock.instant();
            CheckBack.Answer answer = decideOrUnknown(txId, orderId, eventType, attempt);
            record(new CheckBack(txId, orderId, eventType, attempt, answer, instance, receivedAt, clock.instant(),
                    Traces.traceIdOf(orderId), broker));
            meters.checkBack(answer.name());
            return switch (answer) {
                case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
                case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
                case UNKNOWN -> LocalTransactionState.UNKNOW;
            };
        }
    }

    private CheckBack.Answer decideOrUnknown(String txId, String orderId, String eventType, int attempt) {
        try {
            CheckBack.Answer answer = decide(txId, orderId, eventType);
            log.info("check-back attempt={} answer={}", attempt, answer);
            return answer;
        } catch (RuntimeException e) {
            log.warn("check-back attempt={} could not be decided, answering UNKNOWN so the broker asks again: {}",
                    attempt, e.toString());
            return CheckBack.Answer.UNKNOWN;
        }
    }

    /** Best effort: a decided answer stands even when its record cannot be written. */
    private void record(CheckBack checkBack) {
        try {
            checkBacks.record(checkBack);
        } catch (RuntimeException e) {
            log.warn("check-back attempt={} answer={} not recorded: {}", checkBack.attempt(), checkBack.answer(),
                    e.toString());
        }
    }

    private CheckBack.Answer decide(String txId, String orderId, String eventType) {
        faults.pass(FaultPoint.CHECK_BACK);
        if (faults.answersUnknown(FaultPoint.CHECK_BACK)) {
            return CheckBack.Answer.UNKNOWN;
        }
        return transactionLog.resolve(txId, orderId, eventType, TransactionLog.DecidedBy.CHECK_BACK, null)
                == TransactionLog.Status.COMMITTED
                ? CheckBack.Answer.COMMIT : CheckBack.Answer.ROLLBACK;
    }
}
