package io.txlab.order.deadletters.messaging;

import java.util.List;
import java.util.Map;

import io.txlab.order.deadletters.application.DeadLetterQueue;
import io.txlab.order.deadletters.application.DeadLettersUnavailableException;
import io.txlab.deadletter.DeadLetter;
import io.txlab.deadletter.DeadLetterQueues;
import org.apache.rocketmq.client.exception.MQClientException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dlq tool's {@link DeadLetterQueues} on this service's name server. Each read or replay has a RocketMQ
 * client of its own, so two at once do not meet.
 */
@Component
class BrokerDeadLetterQueue implements DeadLetterQueue {

    private final String namesrvAddr;

    BrokerDeadLetterQueue(@Value("${rocketmq.name-server}") String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    @Override
    public Map<String, List<DeadLetter>> list(List<String> groups) {
        try (DeadLetterQueues queues = new DeadLetterQueues(namesrvAddr)) {
            return queues.list(groups);
        } catch (MQClientException | IllegalStateException e) {
            throw new DeadLettersUnavailableException("the broker did not give the dead letters of " + groups + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<DeadLetter> replay(String group) {
        try (DeadLetterQueues queues = new DeadLetterQueues(namesrvAddr)) {
            return queues.replay(group, letter -> { });
        } catch (MQClientException | IllegalStateException e) {
            throw new DeadLettersUnavailableException("the broker did not replay " + group + "'s dead letters: " + e.getMessage(), e);
        }
    }
}
