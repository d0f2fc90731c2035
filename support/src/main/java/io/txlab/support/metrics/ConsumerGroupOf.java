package io.txlab.support.metrics;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.FlashPurchaseAccepted;
import io.txlab.contracts.event.OrderCancelled;
import io.txlab.contracts.event.OrderCreated;
import io.txlab.contracts.event.ParticipantReplied;

/**
 * The consumer group a delivery came through, from the name its handler deduplicates under and the event's type:
 * each group consumes one event type for one consumer. Switches on constants, so no allocation per call.
 */
final class ConsumerGroupOf {

    private ConsumerGroupOf() {
    }

    /** The group; for a type no group consumes (a poison message's claim) the consumer's name, never the claim. */
    static String of(String consumer, String eventType) {
        return switch (eventType) {
            case OrderCreated.TYPE -> switch (consumer) {
                case "inventory" -> ConsumerGroups.INVENTORY;
                case "payment" -> ConsumerGroups.PAYMENT;
                default -> consumer;
            };
            case OrderCancelled.TYPE -> switch (consumer) {
                case "inventory" -> ConsumerGroups.INVENTORY_COMPENSATION;
                case "payment" -> ConsumerGroups.PAYMENT_COMPENSATION;
                default -> consumer;
            };
            case ParticipantReplied.TYPE -> ConsumerGroups.ORDER_REPLIES;
            case FlashPurchaseAccepted.TYPE -> ConsumerGroups.ORDER_FLASH_PURCHASES;
            default -> consumer;
        };
    }
}
