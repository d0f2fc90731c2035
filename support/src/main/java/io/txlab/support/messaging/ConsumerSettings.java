package io.txlab.support.messaging;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Settings every TxLab consumer shares, applied to each listener container's consumer before it starts, and
 * to each {@link BatchConsumer} ({@link #applyTo}).
 *
 * <p>A consumer group the broker has no offset for starts at the first message, not RocketMQ's default, the
 * last: with the default, a new group skips whatever reached a queue before its first pull, and such a
 * lost reply leaves its order PENDING for good (seen in this project's tests). Reading old messages
 * again is harmless, since every consumer is idempotent. Groups with stored offsets are not affected.
 *
 * <p>A message whose handling throws is sent back to the broker, which redelivers it after the delay of
 * level 3 + reconsumeTimes (the broker's messageDelayLevel), until {@code maxReconsumeTimes} redeliveries
 * have failed; then it goes to the group's DLQ.
 *
 * <p>Heartbeats go out every {@link BrokerHeartbeat#INTERVAL_MS}, and all clients of the service share one
 * client instance ({@link ClientName}).
 */
final class ConsumerSettings implements BeanPostProcessor {

    private final int maxReconsumeTimes;
    private final String instanceName;

    ConsumerSettings(int maxReconsumeTimes, String instanceName) {
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.instanceName = instanceName;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultRocketMQListenerContainer container && container.getConsumer() != null) {
            applyTo(container.getConsumer(), maxReconsumeTimes, instanceName);
        }
        return bean;
    }

    static void applyTo(DefaultMQPushConsumer consumer, int maxReconsumeTimes, String instanceName) {
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
        consumer.setHeartbeatBrokerInterval(BrokerHeartbeat.INTERVAL_MS);
        consumer.setInstanceName(instanceName);
    }
}
