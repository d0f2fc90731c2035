package io.txlab.support.tx;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The producer's transaction listener. It is the native RocketMQ one rather than the starter's
 * {@code RocketMQLocalTransactionListener}: the starter drops system properties when it converts a
 * message, and the check-back record needs TRANSACTION_CHECK_TIMES.
 */
final class HalfMessageListener implements TransactionListener {

    private final RunLocalTransaction runLocalTransaction;
    private final AnswerCheckBack answerCheckBack;

    HalfMessageListener(RunLocalTransaction runLocalTransaction, AnswerCheckBack answerCheckBack) {
        this.runLocalTransaction = runLocalTransaction;
        this.answerCheckBack = answerCheckBack;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        return runLocalTransaction.run(message.getTransactionId(), (PendingPublish) arg);
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        return answerCheckBack.answer(message.getTransactionId(), message.getKeys(),
                message.getUserProperty(RocketMqTransactionalPublisher.EVENT_TYPE_PROPERTY), attempt(message));
    }

    /** The broker counts its checks in a property; the first check-back carries 1. */
    static int attempt(MessageExt message) {
        String checkTimes = message.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        try {
            return checkTimes == null ? 1 : Integer.parseInt(checkTimes);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
