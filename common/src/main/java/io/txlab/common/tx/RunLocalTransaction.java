package io.txlab.common.tx;

import io.txlab.common.fault.FaultPoints;
import io.txlab.common.logging.LogContext;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the local transaction of a half message: the tx_log row and the caller's work, in one DB transaction. */
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
            faults.pass(service + ".before-local-tx");
            if (faults.answersUnknown(service + ".before-local-tx")) {
                log.warn("local transaction not run: the producer behaves as if it died after the half message");
                return pending.finish(PublishResult.Outcome.NOT_RUN, null);
            }
            boolean[] workDone = {false};
            boolean committed = false;
            try {
                transactions.executeWithoutResult(status -> {
                    transactionLog.recordCommitted(txId, pending.orderId());
                    pending.work().execute(txId);
                    faults.pass(service + ".in-local-tx");
                    workDone[0] = true;
                });
                committed = true;
                log.info("local transaction committed");
                faults.pass(service + ".after-local-commit");
                if (faults.answersUnknown(service + ".after-local-commit")) {
                    log.warn("answering UNKNOWN after commit: the broker will check back");
                    return pending.finish(PublishResult.Outcome.IN_DOUBT, null);
                }
                return pending.finish(PublishResult.Outcome.COMMITTED, null);
            } catch (RuntimeException e) {
                // Once the work is done, a failure comes from the commit or after it: the DB may hold a
                // committed order, so ROLLBACK could lose it. Answer UNKNOWN and let the tx_log decide.
                PublishResult.Outcome outcome = committed || workDone[0]
                        ? PublishResult.Outcome.IN_DOUBT : PublishResult.Outcome.ROLLED_BACK;
                log.info("local transaction ended {}: {}", outcome, e.toString());
                return pending.finish(outcome, e);
            }
        }
    }
}
