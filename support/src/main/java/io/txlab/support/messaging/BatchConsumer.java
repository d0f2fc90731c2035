package io.txlab.support.messaging;

import java.util.List;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A RocketMQ push consumer that hands its handler the messages of one pull at a time (up to
 * {@code batchSize}). rocketmq-spring's listener containers deliver one message per call, so the
 * consumers that batch own their {@link DefaultMQPushConsumer} here, with the settings every TxLab
 * consumer shares ({@link ConsumerSettings}).
 *
 * <p>Batches form only when the consumer waits between pulls: with long polling, the broker answers a
 * waiting pull as soon as one message arrives. After a pull that found messages, the next pull of that
 * queue waits {@code pullIntervalMs}, so at a low rate a batch is one message, and under load it is what
 * the interval gathered.
 */
public final class BatchConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);

    /** What a consumer reads: a group's subscription to one topic and tag expression. */
    public record Subscription(String group, String topic, String tags, int threads) {
    }

    /** Handles one batch; throwing sends the whole batch back for redelivery. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<MessageExt> batch, SendBack sendBack);
    }

    private final Subscription subscription;
    private final DefaultMQPushConsumer consumer;
    private final SendBack sendBack;
    private volatile boolean running;

    BatchConsumer(Subscription subscription, String nameServer, ConsumerTuning tuning, int maxReconsumeTimes,
                  String instanceName, Handler handler) {
        this.subscription = subscription;
        this.consumer = new DefaultMQPushConsumer(subscription.group());
        consumer.setNamesrvAddr(nameServer);
        ConsumerSettings.applyTo(consumer, maxReconsumeTimes, instanceName);
        consumer.setConsumeThreadMin(subscription.threads());
        consumer.setConsumeThreadMax(subscription.threads());
        consumer.setConsumeMessageBatchMaxSize(tuning.batchSize());
        consumer.setPullBatchSize(tuning.batchSize());
        consumer.setPullInterval(tuning.pullIntervalMs());
        this.sendBack = SendBack.through(consumer);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) ->
                consume(handler, messages));
    }

    private ConsumeConcurrentlyStatus consume(Handler handler, List<MessageExt> messages) {
        try {
            handler.handle(messages, sendBack);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        } catch (RuntimeException e) {
            // the handler logged and recorded what failed; every message of the batch is delivered again
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
    }

    /** The underlying consumer, for diagnostics and tests; do not reconfigure it. */
    public DefaultMQPushConsumer consumer() {
        return consumer;
    }

    @Override
    public void start() {
        try {
            consumer.subscribe(subscription.topic(), subscription.tags());
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("consumer " + subscription.group() + " did not start: " + e.getMessage(), e);
        }
        running = true;
        log.info("consumer {} started on {}:{} ({} threads)", subscription.group(), subscription.topic(),
                subscription.tags(), subscription.threads());
    }

    @Override
    public void stop() {
        consumer.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
