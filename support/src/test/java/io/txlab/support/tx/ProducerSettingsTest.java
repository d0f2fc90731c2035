package io.txlab.support.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProducerSettingsTest {

    @Test
    void theProducerJoinsTheServicesClientChecksBackOnItsOwnPoolAndLeavesTheIdleAccumulatorAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("txlab.service", "order")));
        BeanPostProcessor settings = TransactionalMessagingConfiguration.producerSettings(environment);
        TransactionMQProducer producer = new TransactionMQProducer("txlab-test-producer");

        settings.postProcessAfterInitialization(producer, "producer");
        producer.initProduceAccumulator(); // what start() does first: the setting reaches the accumulator

        assertThat(producer.getExecutorService()).isNotNull();
        assertThat(producer.getInstanceName()).startsWith("order");
        assertThat(producer.getBatchMaxDelayMs()).as("the guard threads sleep half of it between rounds")
                .isGreaterThanOrEqualTo(2_000);
        assertThat(producer.getAutoBatch()).as("the accumulator batches nothing").isFalse();
    }
}
