package io.txlab.support.messaging;

import io.txlab.support.config.TxLabProperties;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.metrics.TxLabMeters;
import io.txlab.support.trace.Spans;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How every TxLab listener receives messages. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    InboundEvents inboundEvents(JsonCodec codec, JdbcClient jdbc, TxLabProperties properties, FaultPoints faults,
                                TxLabMeters meters, Spans spans) {
        return new InboundEvents(new EventReader(codec), new DeliveryFailures(jdbc),
                properties.consumer().maxReconsumeTimes(), faults, meters, spans);
    }

    @Bean
    PlainMessages plainMessages(RocketMQTemplate template) {
        return new PlainMessages(template.getProducer());
    }

    @Bean
    BatchConsumers batchConsumers(@Value("${rocketmq.name-server}") String nameServer, TxLabProperties properties) {
        TxLabProperties.Consumer consumer = properties.consumer();
        return new BatchConsumers(nameServer, new ConsumerTuning(consumer.batchSize(), consumer.pullIntervalMs()),
                consumer.maxReconsumeTimes(), ClientName.of(properties.service()));
    }

    /** Static, so it runs before the listener containers; it reads the setting straight from the environment. */
    @Bean
    static BeanPostProcessor consumerSettings(Environment environment) {
        Integer maxReconsumeTimes = environment.getProperty("txlab.consumer.max-reconsume-times", Integer.class);
        return new ConsumerSettings(new TxLabProperties.Consumer(maxReconsumeTimes, null, null).maxReconsumeTimes(),
                ClientName.of(environment.getRequiredProperty("txlab.service")));
    }
}
