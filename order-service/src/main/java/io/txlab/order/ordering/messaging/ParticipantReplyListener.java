package io.txlab.order.ordering.messaging;

import io.txlab.common.event.ConsumerGroups;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.common.event.Topics;
import io.txlab.common.messaging.BatchConsumer;
import io.txlab.common.messaging.BatchConsumers;
import io.txlab.common.messaging.InboundEvents;
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
