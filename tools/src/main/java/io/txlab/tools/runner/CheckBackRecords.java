package io.txlab.tools.runner;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.txlab.tools.client.PlatformClient;
import tools.jackson.databind.JsonNode;

/**
 * The order service's record of its check-backs, read through one instance's API (any instance reads them all:
 * they live in the shared database): which broker asked, which instance answered, and what.
 */
final class CheckBackRecords {

    private final PlatformClient orderService;

    CheckBackRecords(PlatformClient orderService) {
        this.orderService = orderService;
    }

    /** The broker (its address) that checked the order's half message back first, if one has. */
    Optional<String> firstAskingBroker(String orderId) {
        for (JsonNode checkBack : orderService.checkBacks(orderId)) {
            return Optional.of(checkBack.path("broker").asString());
        }
        return Optional.empty();
    }

    /** True when a check-back of the order answered COMMIT and is one of {@code which}. */
    boolean committed(String orderId, Predicate<JsonNode> which) {
        for (JsonNode checkBack : orderService.checkBacks(orderId)) {
            if (checkBack.path("answer").asString().equals("COMMIT") && which.test(checkBack)) {
                return true;
            }
        }
        return false;
    }

    /** True when a check-back of the order was answered after {@code since}. */
    boolean answeredAfter(String orderId, Instant since) {
        for (JsonNode checkBack : orderService.checkBacks(orderId)) {
            if (answeredAt(checkBack).isAfter(since)) {
                return true;
            }
        }
        return false;
    }

    /** How many check-backs of the orders each instance answered, counting those whose answer is {@code counted}. */
    Map<String, Integer> answersByInstance(List<String> orders, Predicate<String> counted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String orderId : orders) {
            for (JsonNode checkBack : orderService.checkBacks(orderId)) {
                if (counted.test(checkBack.path("answer").asString())) {
                    counts.merge(checkBack.path("instance").asString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    static boolean askedBy(JsonNode checkBack, String broker) {
        return checkBack.path("broker").asString().equals(broker);
    }

    static boolean answeredBy(JsonNode checkBack, String instancePrefix) {
        return checkBack.path("instance").asString().startsWith(instancePrefix);
    }

    static Instant answeredAt(JsonNode checkBack) {
        return Instant.parse(checkBack.path("answeredAt").asString());
    }
}
