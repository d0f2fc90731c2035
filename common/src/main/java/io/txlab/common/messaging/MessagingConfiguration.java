package io.txlab.common.messaging;

import io.txlab.common.json.JsonCodec;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How every TxLab listener receives messages. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    InboundEvents inboundEvents(JsonCodec codec) {
        return new InboundEvents(codec);
    }

    @Bean
    static BeanPostProcessor newConsumerGroupsReadFromTheStart() {
        return new NewConsumerGroupsReadFromTheStart();
    }
}
