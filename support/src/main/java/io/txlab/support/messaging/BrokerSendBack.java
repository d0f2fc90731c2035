package io.txlab.support.messaging;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * {@link SendBack} as a CONSUMER_SEND_MSG_BACK request (RocketMQ 5.3.3, broker
 * {@code AbstractSendMessageProcessor.consumerSendMsgBack}): the broker looks the message up by its commit log
 * offset and stores a copy, with reconsumeTimes + 1, in {@code %RETRY%<group>} at delay level 3 +
 * reconsumeTimes when the level asked is 0, or in {@code %DLQ%<group>} when the level is negative or
 * reconsumeTimes has reached the consumer's maxReconsumeTimes. Only the stored message travels: nothing
 * set on it here would reach the DLQ.
 *
 * <p>When the request fails, the client itself sends a copy to {@code %RETRY%<group>} with the normal backoff
 * ({@code DefaultMQPushConsumerImpl.sendMessageBackAsNormalMessage}), so a message that could not be parked
 * is delivered again, and parked then. Only when that fails too does this throw.
 */
final class BrokerSendBack implements SendBack {

    /** The broker's own backoff: level 3 + reconsumeTimes. */
    private static final int BACKOFF = 0;
    /** Any negative level: the DLQ at once. */
    private static final int DEAD_LETTER = -1;

    private final DefaultMQPushConsumer consumer;

    BrokerSendBack(DefaultMQPushConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void retry(MessageExt message) {
        send(message, BACKOFF);
    }

    @Override
    public void park(MessageExt message) {
        send(message, DEAD_LETTER);
    }

    /** The broker the message came from: the push consumer sets it on each message it pulls. */
    private void send(MessageExt message, int delayLevel) {
        try {
            consumer.sendMessageBack(message, delayLevel, message.getBrokerName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + message.getMsgId() + " back", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + message.getMsgId() + " back: " + e, e);
        }
    }
}
