package io.txlab.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.txlab.support.messaging.BatchConsumer;
import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.PlatformExtension;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every consumer group reads from the first offset when the broker has none for it: with RocketMQ's
 * default (the last offset) a new group skipped a reply that reached its queue before its first pull,
 * and the order stayed PENDING for good. Each also goes to its DLQ after the configured redeliveries.
 */
@ExtendWith(PlatformExtension.class)
class ConsumerSetupIT {

    @ParameterizedTest
    @EnumSource(Service.class)
    void newConsumerGroupsReadFromTheFirstMessage(Service service, Platform platform) {
        List<DefaultMQPushConsumer> consumers = new ArrayList<>();
        platform.beans(service, DefaultRocketMQListenerContainer.class).forEach(container -> {
            assertThat(container.isRunning()).isTrue();
            consumers.add(container.getConsumer());
        });
        platform.beans(service, BatchConsumer.class).forEach(batching -> {
            assertThat(batching.isRunning()).isTrue();
            consumers.add(batching.consumer());
        });

        assertThat(consumers).isNotEmpty();
        assertThat(consumers).allSatisfy(consumer -> {
            assertThat(consumer.getConsumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            // txlab.consumer.max-reconsume-times: redeliveries before the DLQ
            assertThat(consumer.getMaxReconsumeTimes()).isEqualTo(16);
        });
    }

    /** One RocketMQ client instance per service: its producer and all its consumers carry one name. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void aServicesProducerAndConsumersShareOneClientInstance(Service service, Platform platform) {
        Set<String> names = new HashSet<>();
        platform.beans(service, DefaultRocketMQListenerContainer.class)
                .forEach(container -> names.add(container.getConsumer().buildMQClientId()));
        platform.beans(service, BatchConsumer.class).forEach(batching -> names.add(batching.consumer().buildMQClientId()));
        platform.beans(service, RocketMQTemplate.class).forEach(template -> names.add(template.getProducer().buildMQClientId()));

        assertThat(names).hasSize(1);
        assertThat(names.iterator().next()).contains("@" + service.name().toLowerCase() + "@" + ProcessHandle.current().pid());
    }
}
