package io.txlab.tools.dlq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.txlab.tools.check.CheckTarget;

/**
 * Why a service parked a dead letter, from its delivery_failure row ({@code [parked: REASON] DETAIL}, written
 * by support's InboundEvents). The reason cannot travel with the message: a send-back names the message by its
 * commit log offset only, and the broker stores the message as it was.
 */
final class ParkedReasons {

    /** support's InboundEvents.PARKED (ParkedReasonsTest keeps them equal). */
    static final String MARKER = "[parked: ";

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
            statement.setString(1, MARKER + "%");
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 2, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reasons.put(rows.getString("msg_id"), readable(rows.getString("error")));
                }
            }
        }
        return reasons;
    }

    /** "[parked: unknown type X] DETAIL" → "unknown type X: DETAIL". */
    static String readable(String error) {
        return error.substring(MARKER.length()).replaceFirst("] ", ": ");
    }

    /** Each group belongs to the service named in it (txlab-inventory-compensation: inventory). */
    private String schemaOf(String group) {
        if (group.startsWith("txlab-inventory")) {
            return target.inventorySchema();
        }
        if (group.startsWith("txlab-payment")) {
            return target.paymentSchema();
        }
        if (group.startsWith("txlab-order")) {
            return target.orderSchema();
        }
        throw new IllegalArgumentException("no service for consumer group " + group);
    }
}
