package io.txlab.support.tx;

import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local transaction of a half message: the caller's work, then its COMMITTED tx_log row, in one DB
 * transaction (the row last, so that it also records when the work was done: one statement, not an insert
 * and an update).
 */
final class RunLocalTransaction {

    private static final Logger log = LoggerFactory.getLogger(RunLocalTransaction.class);

    private final TransactionLog transactionLog;
    private final CommitOutcomeResolver commits;
    private final FaultPoints faults;

    RunLocalTransaction(TransactionLog transactionLog, CommitOutcomeResolver commits, FaultPoints faults) {
        this.transactionLog = transactionLog;
        this.commits = commits;
        this.faults = faults;
    }

    LocalTransactionState run(String txId, PendingPublish pending) {
        try (var ignored = LogContext.transaction(pending.orderId(), txId)) {
            if (faults.answersUnknown(FaultPoint.BEFORE_LOCAL_TX)) {
                log.warn("local transaction not run: the producer behaves as if it died after the half message");
                return pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.NOT_RUN, null);
            }
            try {
                faults.pass(FaultPoint.BEFORE_LOCAL_TX);
            } catch (RuntimeException e) {
                return rolledBack(txId, pending, e);
            }
            CommitOutcome<Void> outcome = commits.run(() -> {
                pending.work().execute(txId);
                transactionLog.recordCommitted(txId, pending);
                faults.pass(FaultPoint.IN_LOCAL_TX);
                return null;
            }, "the tx_log", () -> resolve(txId, pending) == TransactionLog.Status.COMMITTED);
            return switch (outcome.status()) {
                case COMMITTED -> {
                    log.debug("local transaction committed"); // the publisher's caller logs the outcome with its txId
                    yield answerCommitted(pending);
                }
                case FOUND_COMMITTED ->
                        pending.finish(LocalTransactionState.COMMIT_MESSAGE, PublishResult.Outcome.COMMITTED, null);
                case ROLLED_BACK -> rolledBack(txId, pending, outcome.failure());
                case IN_DOUBT -> pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.IN_DOUBT,
                        outcome.failure()); // the check-back decides
            };
        }
    }

    /** The DB has committed: never ROLLBACK now, whatever happens; at worst UNKNOWN, and the tx_log decides. */
    private LocalTransactionState answerCommitted(PendingPublish pending) {
        try {
            faults.pass(FaultPoint.AFTER_LOCAL_COMMIT);
            if (faults.answersUnknown(FaultPoint.AFTER_LOCAL_COMMIT)) {
                log.warn("answering UNKNOWN after commit: the broker will check back");
                return pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.COMMITTED, null);
            }
            if (faults.dropsEndTransaction(FaultPoint.AFTER_LOCAL_COMMIT)) {
                log.warn("end-transaction dropped after commit: the broker will check back");
                return pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.COMMITTED, null);
            }
            return pending.finish(LocalTransactionState.COMMIT_MESSAGE, PublishResult.Outcome.COMMITTED, null);
        } catch (RuntimeException e) {
            log.warn("failure after commit, answering UNKNOWN: {}", e.toString());
            return pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.COMMITTED, e);
        }
    }

    private LocalTransactionState rolledBack(String txId, PendingPublish pending, RuntimeException e) {
        log.info("local transaction rolled back: {}", e.toString());
        recordRollback(txId, pending);
        return pending.finish(LocalTransactionState.ROLLBACK_MESSAGE, PublishResult.Outcome.ROLLED_BACK, e);
    }

    /** Best effort, for reviewers: the rollback itself left no row. A row already there is kept. */
    private void recordRollback(String txId, PendingPublish pending) {
        try {
            resolve(txId, pending);
        } catch (RuntimeException e) {
            log.warn("rollback not recorded in tx_log: {}", e.toString());
        }
    }

    /** As the check-back would: waits if the commit is still in flight, plants ROLLED_BACK if it left no row. */
    private TransactionLog.Status resolve(String txId, PendingPublish pending) {
        return transactionLog.resolve(txId, pending.orderId(), pending.eventType(), TransactionLog.DecidedBy.LOCAL_TX,
                pending.sentAt());
    }
}
