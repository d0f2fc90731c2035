package io.txlab.common.tx;

import java.time.Instant;

import io.txlab.common.fault.FaultPoints;
import io.txlab.common.logging.LogContext;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the broker's check-back from the database, never from memory, and records every answer. */
final class AnswerCheckBack {

    private static final Logger log = LoggerFactory.getLogger(AnswerCheckBack.class);

    private final TransactionLog transactionLog;
    private final CheckBackLog checkBacks;
    private final FaultPoints faults;
    private final String service;
    private final String instance;

    AnswerCheckBack(TransactionLog transactionLog, CheckBackLog checkBacks, FaultPoints faults, String service,
                    String instance) {
        this.transactionLog = transactionLog;
        this.checkBacks = checkBacks;
        this.faults = faults;
        this.service = service;
        this.instance = instance;
    }

    LocalTransactionState answer(String txId, String orderId, int attempt) {
        try (var ignored = LogContext.transaction(orderId, txId)) {
            Instant receivedAt = Instant.now();
            CheckBack.Answer answer = decide(txId, orderId);
            checkBacks.record(txId, orderId, attempt, answer, instance, receivedAt);
            log.info("check-back attempt={} answer={}", attempt, answer);
            return switch (answer) {
                case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
                case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
                case UNKNOWN -> LocalTransactionState.UNKNOW;
            };
        } catch (RuntimeException e) {
            log.warn("check-back attempt={} failed, answering UNKNOWN so the broker asks again: {}", attempt,
                    e.toString());
            return LocalTransactionState.UNKNOW;
        }
    }

    private CheckBack.Answer decide(String txId, String orderId) {
        faults.pass(service + ".check-back");
        if (faults.answersUnknown(service + ".check-back")) {
            return CheckBack.Answer.UNKNOWN;
        }
        return transactionLog.resolve(txId, orderId) == TransactionLog.Status.COMMITTED
                ? CheckBack.Answer.COMMIT : CheckBack.Answer.ROLLBACK;
    }
}
