package io.txlab.order.deadletters.application;

import java.util.List;

import io.txlab.contracts.event.ConsumerGroups;

/** A consumer group TxLab does not have: nothing to list or replay. */
public class UnknownConsumerGroupException extends RuntimeException {

    public UnknownConsumerGroupException() {
        super("group must be one of " + ConsumerGroups.ALL);
    }

    public List<String> accepted() {
        return ConsumerGroups.ALL;
    }
}
