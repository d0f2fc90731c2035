package io.txlab.support.tx;

import java.time.Instant;
import java.util.Map;

import io.txlab.support.trace.Span;
import io.txlab.support.trace.Spans;
import io.txlab.support.trace.TraceContext;
import io.txlab.support.trace.Traces;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.common.RemotingHelper;

/**
 * The producer's transaction listener. It is the native RocketMQ one rather than the starter's
 * {@code RocketMQLocalTransactionListener}: the starter drops system properties when it converts a
 * message, and the check-back record needs TRANSACTION_CHECK_TIMES.
 */
final class HalfMessageListener implements TransactionListener {

    private final RunLocalTransaction runLocalTransaction;
    private final AnswerCheckBack answerCheckBack;
    private final Spans spans;

    HalfMessageListener(RunLocalTransaction runLocalTransaction, AnswerCheckBack answerCheckBack, Spans spans) {
        this.runLocalTransaction = runLocalTransaction;
        this.answerCheckBack = answerCheckBack;
        this.spans = spans;
    }

    /** Runs in the publisher's thread, inside its publication's trace scope. */
    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        PendingPublish pending = (PendingPublish) arg;
        if (!spans.exporting()) {
            return runLocalTransaction.run(message.getTransactionId(), pending);
        }
        TraceContext publication = Traces.forOrder(pending.orderId()).orElseGet(TraceContext::newTrace);
        TraceContext local = publication.child();
        Instant start = spans.start();
        LocalTransactionState answer = LocalTransactionState.UNKNOW;
        try {
            answer = runLocalTransaction.run(message.getTransactionId(), pending);
            return answer;
        } finally {
            spans.finish("local transaction " + pending.eventType(), Span.Kind.INTERNAL, local, publication.spanId(),
                    start, Map.of("orderId", pending.orderId(), "txId", message.getTransactionId(),
                            "answer", answer.name()), answer == LocalTransactionState.ROLLBACK_MESSAGE);
        }
    }

    /** A check-back joins its order's trace: the half message's trace id, a span of its own. */
    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        var sent = TraceContext.parse(message.getUserProperty(TraceContext.TRACEPARENT),
                message.getUserProperty(TraceContext.TRACESTATE));
        TraceContext checkBack = sent.map(TraceContext::child).orElseGet(TraceContext::newTrace);
        Instant start = spans.start();
        int attempt = attempt(message);
        LocalTransactionState answer = LocalTransactionState.UNKNOW;
        try (var scope = Traces.open(checkBack)) {
            answer = answerCheckBack.answer(message.getTransactionId(), message.getKeys(),
                    message.getUserProperty(RocketMqTransactionalPublisher.EVENT_TYPE_PROPERTY), attempt, broker(message));
            return answer;
        } finally {
            if (spans.exporting()) {
                spans.finish("check-back", Span.Kind.CONSUMER, checkBack, sent.map(TraceContext::spanId).orElse(null),
                        start, Map.of("orderId", String.valueOf(message.getKeys()), "txId",
                                String.valueOf(message.getTransactionId()), "attempt", Integer.toString(attempt),
                                "answer", answer.name()), false);
            }
        }
    }

    /**
     * The broker that asks is the one that stored the half message: its address, as stored in the message (the
     * client passes no broker name on with a check-back).
     */
    static String broker(MessageExt message) {
        return message.getStoreHost() == null ? null : RemotingHelper.parseSocketAddressAddr(message.getStoreHost());
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
