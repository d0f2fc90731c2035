package io.txlab.scenarios.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;

import io.txlab.scenarios.support.Platform;
import io.txlab.scenarios.support.Platform.Service;
import io.txlab.scenarios.support.PlatformExtension;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
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
        Collection<DefaultRocketMQListenerContainer> containers =
                platform.beans(service, DefaultRocketMQListenerContainer.class);

        assertThat(containers).isNotEmpty();
        assertThat(containers).allSatisfy(container -> {
            assertThat(container.getConsumer().getConsumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            // txlab.consumer.max-reconsume-times: redeliveries before the DLQ
            assertThat(container.getConsumer().getMaxReconsumeTimes()).isEqualTo(16);
            assertThat(container.isRunning()).isTrue();
        });
    }
}
