package io.txlab.order.ordering.messaging;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.ParticipantReplied;
import io.txlab.contracts.event.Topics;
import io.txlab.support.messaging.BatchConsumer;
import io.txlab.support.messaging.BatchConsumers;
import io.txlab.support.messaging.InboundEvents;
import io.txlab.order.ordering.application.RecordParticipantReply;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes the participants' replies a batch (one pull) at a time and hands it to RecordParticipantReply. */
@Configuration(proxyBeanMethods = false)
class ParticipantReplyListener {

    @Bean
    BatchConsumer participantReplyConsumer(BatchConsumers consumers, InboundEvents inbound,
                                           RecordParticipantReply recordReply) {
        return consumers.subscribe(new BatchConsumer.Subscription(ConsumerGroups.ORDER_REPLIES, Topics.ORDER_REPLIES,
                        "*", 2),
                (batch, sendBack) -> inbound.dispatchBatch(RecordParticipantReply.CONSUMER, batch,
                        ParticipantReplied.class, recordReply::handle, sendBack));
    }
}
