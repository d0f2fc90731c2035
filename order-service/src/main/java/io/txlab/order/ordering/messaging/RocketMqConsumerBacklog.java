package io.txlab.order.ordering.messaging;

import java.time.Instant;

import io.txlab.order.ordering.application.ConsumerBacklog;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a group's consume stats from every broker that serves the topic (what {@code mqadmin consumerProgress}
 * shows), through the order service's own client instance: no admin client, no extra threads.
 */
@Component
class RocketMqConsumerBacklog implements ConsumerBacklog {

    private static final long TIMEOUT_MS = 3_000;

    private final RocketMQTemplate template;

    RocketMqConsumerBacklog(RocketMQTemplate template) {
        this.template = template;
    }

    @Override
    public Instant consumedThrough(String group, String topic) {
        MQClientAPIImpl client = template.getProducer().getDefaultMQProducerImpl().getMqClientFactory()
                .getMQClientAPIImpl();
        try {
            Instant through = Instant.MAX;
            for (BrokerData broker : client.getTopicRouteInfoFromNameServer(topic, TIMEOUT_MS).getBrokerDatas()) {
                for (OffsetWrapper queue : client.getConsumeStats(broker.selectBrokerAddr(), group, topic, TIMEOUT_MS)
                        .getOffsetTable().values()) {
                    if (queue.getConsumerOffset() < queue.getBrokerOffset()) {
                        Instant last = Instant.ofEpochMilli(queue.getLastTimestamp());
                        through = last.isBefore(through) ? last : through;
                    }
                }
            }
            return through;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consume stats of " + group, e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not tell how far " + group + " has consumed " + topic
                    + ": " + e.getMessage(), e);
        }
    }
}
