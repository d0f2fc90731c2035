package io.txlab.order.ordering.messaging;

import io.txlab.common.event.ConsumerGroups;
import io.txlab.common.event.ParticipantReplied;
import io.txlab.common.event.Topics;
import io.txlab.common.messaging.InboundEvents;
import io.txlab.order.ordering.application.RecordParticipantReply;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

@Component
@RocketMQMessageListener(topic = Topics.ORDER_REPLIES, consumerGroup = ConsumerGroups.ORDER_REPLIES,
        consumeThreadNumber = 4, consumeThreadMax = 4)
class ParticipantReplyListener implements RocketMQListener<MessageExt> {

    private final InboundEvents inbound;
    private final RecordParticipantReply recordReply;

    ParticipantReplyListener(InboundEvents inbound, RecordParticipantReply recordReply) {
        this.inbound = inbound;
        this.recordReply = recordReply;
    }

    @Override
    public void onMessage(MessageExt message) {
        inbound.dispatch(RecordParticipantReply.CONSUMER, message, ParticipantReplied.class, recordReply::handle);
    }
}
