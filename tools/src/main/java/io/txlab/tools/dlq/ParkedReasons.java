package io.txlab.tools.dlq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.contracts.event.ParkedDelivery;
import io.txlab.tools.check.CheckTarget;
import io.txlab.deadletter.DeadLetter;

/**
 * Why a service parked a dead letter, from its delivery_failure row ({@link ParkedDelivery}). The reason cannot
 * travel with the message: a send-back names the message by its commit log offset only, and the broker stores the
 * message as it was.
 */
final class ParkedReasons {

    private final CheckTarget target;

    ParkedReasons(CheckTarget target) {
        this.target = target;
    }

    CheckTarget target() {
        return target;
    }

    /** The reason of each letter the group's service parked, by clientMsgId; letters it did not park are absent. */
    Map<String, String> of(String group, Collection<DeadLetter> letters) throws SQLException {
        Map<String, String> reasons = new HashMap<>();
        if (letters.isEmpty()) {
            return reasons;
        }
        List<String> ids = letters.stream().map(DeadLetter::clientMsgId).distinct().toList();
        String sql = "SELECT msg_id, error FROM delivery_failure WHERE error LIKE ? AND msg_id IN ("
                + String.join(", ", ids.stream().map(id -> "?").toList()) + ")";
        try (Connection connection = target.connect(schemaOf(group));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ParkedDelivery.PREFIX + "%");
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 2, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reasons.put(rows.getString("msg_id"), ParkedDelivery.readable(rows.getString("error")));
                }
            }
        }
        return reasons;
    }

    /** The schema of the service that consumes in the group. */
    private String schemaOf(String group) {
        return switch (group) {
            case ConsumerGroups.INVENTORY, ConsumerGroups.INVENTORY_COMPENSATION -> target.inventorySchema();
            case ConsumerGroups.PAYMENT, ConsumerGroups.PAYMENT_COMPENSATION -> target.paymentSchema();
            case ConsumerGroups.ORDER_REPLIES, ConsumerGroups.ORDER_FLASH_PURCHASES -> target.orderSchema();
            default -> throw new IllegalArgumentException("no service for consumer group " + group);
        };
    }
}
