package io.txlab.common.participant;

import io.txlab.common.audit.OrderRecords;
import io.txlab.common.config.TxLabProperties;
import io.txlab.common.consume.IdempotentConsumer;
import io.txlab.common.fault.FaultPoints;
import io.txlab.common.json.JsonCodec;
import io.txlab.common.messaging.BatchConsumers;
import io.txlab.common.messaging.InboundEvents;
import io.txlab.common.messaging.PlainMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The participant protocol (reply, compensate, barrier); only inventory and payment import it. */
@Configuration(proxyBeanMethods = false)
public class ParticipantConfiguration {

    @Bean
    ReplyToOrder replyToOrder(IdempotentConsumer consumer, PlainMessages messages, JsonCodec codec, JdbcClient jdbc,
                              FaultPoints faults) {
        return new ReplyToOrder(consumer, messages, codec, new OrderParts(jdbc), faults);
    }

    @Bean
    OrderCreatedSubscription orderCreatedSubscription(BatchConsumers consumers, InboundEvents inbound) {
        return new OrderCreatedSubscription(consumers, inbound);
    }

    @Bean
    ParticipantRecords participantRecords(JdbcClient jdbc, OrderRecords records, TxLabProperties properties) {
        return new ParticipantRecords(jdbc, records, properties.service());
    }

    @Bean
    CompensateOrder compensateOrder(IdempotentConsumer consumer, JdbcClient jdbc, FaultPoints faults) {
        return new CompensateOrder(consumer, new OrderParts(jdbc), faults);
    }
}
