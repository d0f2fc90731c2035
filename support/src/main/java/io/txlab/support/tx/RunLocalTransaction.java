package io.txlab.support.tx;

import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.logging.LogContext;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the local transaction of a half message: the caller's work, then its COMMITTED tx_log row, in one DB
 * transaction (the row last, so that it also records when the work was done: one statement, not an insert
 * and an update).
 */
final class RunLocalTransaction {

    private static final Logger log = LoggerFactory.getLogger(RunLocalTransaction.class);

    private final TransactionLog transactionLog;
    private final TransactionTemplate transactions;
    private final FaultPoints faults;
    private final String service;

    RunLocalTransaction(TransactionLog transactionLog, TransactionTemplate transactions, FaultPoints faults,
                        String service) {
        this.transactionLog = transactionLog;
        this.transactions = transactions;
        this.faults = faults;
        this.service = service;
    }

    LocalTransactionState run(String txId, PendingPublish pending) {
        try (var ignored = LogContext.transaction(pending.orderId(), txId)) {
            if (faults.answersUnknown(FaultPoint.BEFORE_LOCAL_TX)) {
                log.warn("local transaction not run: the producer behaves as if it died after the half message");
                return pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.NOT_RUN, null);
            }
            boolean[] workDone = {false};
            try {
                faults.pass(FaultPoint.BEFORE_LOCAL_TX);
                transactions.executeWithoutResult(status -> {
                    pending.work().execute(txId);
                    transactionLog.recordCommitted(txId, pending);
                    faults.pass(FaultPoint.IN_LOCAL_TX);
                    workDone[0] = true;
                });
            } catch (RuntimeException e) {
                return workDone[0] ? afterFailedCommit(txId, pending, e) : rolledBack(txId, pending, e);
            }
            log.debug("local transaction committed"); // the publisher's caller logs the outcome with its txId
            return answerCommitted(pending);
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
            transactionLog.resolve(txId, pending.orderId(), pending.eventType(), TransactionLog.DecidedBy.LOCAL_TX,
                    pending.sentAt());
        } catch (RuntimeException e) {
            log.warn("rollback not recorded in tx_log: {}", e.toString());
        }
    }

    /**
     * The work was done but the commit failed: the DB may or may not have committed. Ask the tx_log as the
     * check-back would (waiting if the commit is still in flight); only if that fails too is it in doubt.
     */
    private LocalTransactionState afterFailedCommit(String txId, PendingPublish pending, RuntimeException e) {
        log.warn("commit failed ({}), resolving from the tx_log", e.toString());
        try {
            TransactionLog.Status status = transactionLog.resolve(txId, pending.orderId(), pending.eventType(),
                    TransactionLog.DecidedBy.LOCAL_TX, pending.sentAt());
            return status == TransactionLog.Status.COMMITTED
                    ? pending.finish(LocalTransactionState.COMMIT_MESSAGE, PublishResult.Outcome.COMMITTED, null)
                    : rolledBack(txId, pending, e);
        } catch (RuntimeException unresolved) {
            log.warn("commit outcome in doubt, the check-back decides: {}", unresolved.toString());
            return pending.finish(LocalTransactionState.UNKNOW, PublishResult.Outcome.IN_DOUBT, e);
        }
    }
}
