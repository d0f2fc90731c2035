package io.txlab.support.tx;

import io.txlab.contracts.event.Event;

/**
 * Port: publishes an event together with a local transaction, so that the event is delivered if and only if
 * that transaction commits. The application layer calls this; {@link RocketMqTransactionalPublisher} does it
 * with a RocketMQ half message and the broker's check-back.
 */
@FunctionalInterface
public interface TransactionalPublisher {

    /**
     * Runs {@code localTransaction} in one DB transaction of its own and publishes {@code event} to
     * {@code topic} with {@code tag} if it commits.
     *
     * @return how it ended, as far as this process knows
     * @throws BrokerUnavailableException when the event could not be handed to the broker (the local
     *                                    transaction did not run)
     * @throws IllegalStateException      when called inside a database transaction
     */
    PublishResult publish(String topic, String tag, Event event, LocalTransaction localTransaction);

    /** The broker did not take the event, so nothing ran: the caller may try again. */
    final class BrokerUnavailableException extends RuntimeException {
        BrokerUnavailableException(String topic, Throwable cause) {
            super("could not send a half message to " + topic + ": " + cause.getMessage(), cause);
        }

        BrokerUnavailableException(String topic, String why) {
            super("could not send a half message to " + topic + ": " + why);
        }
    }
}
