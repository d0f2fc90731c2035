package io.txlab.common.participant;

import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.tx.TransactionalPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ParticipantConfiguration {

    @Bean
    ReplyToOrder replyToOrder(IdempotentConsumer consumer, TransactionalPublisher publisher, FaultPoints faults) {
        return new ReplyToOrder(consumer, publisher, faults);
    }
}
