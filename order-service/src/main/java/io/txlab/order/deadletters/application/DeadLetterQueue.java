package io.txlab.order.deadletters.application;

import java.util.List;
import java.util.Map;

import io.txlab.deadletter.DeadLetter;

/** Port to the broker's dead-letter queues, %DLQ%&lt;group&gt;: the dlq tool's reading and replay. */
public interface DeadLetterQueue {

    /**
     * Every dead letter of each group, oldest first, each saying whether it was replayed already; by group, in
     * the groups' order.
     */
    Map<String, List<DeadLetter>> list(List<String> groups);

    /** Sends the group's dead letters not replayed before back to that group only; returns them. */
    List<DeadLetter> replay(String group);
}
