package io.txlab.order.deadletters.application;

import java.util.List;
import java.util.Map;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The dead letters of every TxLab consumer group, for the console, and their replay: what {@code scripts/dlq.sh}
 * does, through the same code, so that a letter replayed by either is replayed for both.
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterQueue queue;

    public DeadLetters(DeadLetterQueue queue) {
        this.queue = queue;
    }

    /** @param group one consumer group, or null for all of them, in {@link ConsumerGroups#ALL}'s order */
    public Map<String, List<DeadLetter>> byGroup(String group) {
        return queue.list(group == null ? ConsumerGroups.ALL : List.of(known(group)));
    }

    public List<DeadLetter> replay(String group) {
        List<DeadLetter> replayed = queue.replay(known(group));
        replayed.forEach(letter -> log.info("replayed dead letter msgId={} orderId={} group={}", letter.msgId(),
                letter.orderId(), group));
        return replayed;
    }

    private static String known(String group) {
        if (!ConsumerGroups.ALL.contains(group)) {
            throw new UnknownConsumerGroupException();
        }
        return group;
    }
}
