package io.txlab.order.deadletters.messaging;

import java.util.List;

import io.txlab.order.deadletters.application.DeadLetterQueue;
import io.txlab.order.deadletters.application.DeadLettersUnavailableException;
import io.txlab.deadletter.DeadLetter;
import io.txlab.deadletter.DeadLetterQueues;
import org.apache.rocketmq.client.exception.MQClientException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dlq tool's {@link DeadLetterQueues} on this service's name server. One read or replay at a time: each
 * opens the replay group's pull consumer under this process's instance name, which two at once would share.
 */
@Component
class BrokerDeadLetterQueue implements DeadLetterQueue {

    private final String namesrvAddr;

    BrokerDeadLetterQueue(@Value("${rocketmq.name-server}") String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    @Override
    public synchronized List<DeadLetter> list(String group) {
        try (DeadLetterQueues queues = new DeadLetterQueues(namesrvAddr)) {
            return queues.list(group);
        } catch (MQClientException | IllegalStateException e) {
            throw new DeadLettersUnavailableException("the broker did not give " + group + "'s dead letters: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<DeadLetter> replay(String group) {
        try (DeadLetterQueues queues = new DeadLetterQueues(namesrvAddr)) {
            return queues.replay(group, letter -> { });
        } catch (MQClientException | IllegalStateException e) {
            throw new DeadLettersUnavailableException("the broker did not replay " + group + "'s dead letters: " + e.getMessage(), e);
        }
    }
}
