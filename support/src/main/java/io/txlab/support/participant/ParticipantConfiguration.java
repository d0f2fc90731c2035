package io.txlab.support.participant;

import io.txlab.support.audit.OrderRecords;
import io.txlab.support.config.TxLabProperties;
import io.txlab.support.consume.Consumption;
import io.txlab.support.fault.FaultPoints;
import io.txlab.support.json.JsonCodec;
import io.txlab.support.messaging.BatchConsumers;
import io.txlab.support.messaging.InboundEvents;
import io.txlab.support.messaging.PlainMessages;
import io.txlab.support.metrics.TxLabMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The participant protocol (reply, compensate, barrier); only inventory and payment import it. */
@Configuration(proxyBeanMethods = false)
public class ParticipantConfiguration {

    @Bean
    ReplyToOrder replyToOrder(Consumption consumption, PlainMessages messages, JsonCodec codec, JdbcClient jdbc,
                              FaultPoints faults, TxLabMeters meters) {
        return new ReplyToOrder(consumption, new PlainOrderReplies(messages, codec), new JdbcOrderParts(jdbc), faults,
                meters);
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
    CompensateOrder compensateOrder(Consumption consumption, JdbcClient jdbc, FaultPoints faults, TxLabMeters meters) {
        return new CompensateOrder(consumption, new JdbcOrderParts(jdbc), faults, meters);
    }
}
