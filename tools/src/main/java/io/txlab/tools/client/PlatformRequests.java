package io.txlab.tools.client;

import java.time.Instant;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Every path of the platform's HTTP API and every JSON body a client sends to it, written once. */
final class PlatformRequests {

    static final String ORDERS = "/api/orders";
    /** A publish mode no order service knows: answered 400 unknown-publish-mode since the outbox. */
    static final String UNKNOWN_PUBLISH_MODE = ORDERS + "?publish=none";
    static final String FLASH_SALES = "/api/flash-sales";
    static final String FAULTS = "/admin/faults";
    static final String HEALTH = "/actuator/health";
    static final String API_DOCS = "/v3/api-docs";
    static final Map<String, String> JSON_CONTENT = Map.of("Content-Type", "application/json");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDER_ID_KEY = "\"orderId\":\"";
    private static final String ADMIN_TOKEN = "X-Admin-Token";

    private PlatformRequests() {
    }

    static String order(String orderId) {
        return ORDERS + "/" + orderId;
    }

    static String checkBacks(String orderId) {
        return order(orderId) + "/checkbacks";
    }

    static String timeline(String orderId) {
        return order(orderId) + "/timeline";
    }

    static String recentCheckBacks(String query) {
        return "/api/transactions/checkbacks" + (query.isEmpty() ? "" : "?" + query);
    }

    static String product(long productId) {
        return "/api/inventory/products/" + productId;
    }

    static String account(long userId) {
        return "/api/payment/accounts/" + userId;
    }

    static String flashSale(String saleId) {
        return FLASH_SALES + "/" + saleId;
    }

    static String purchases(String saleId) {
        return flashSale(saleId) + "/purchases";
    }

    static String reconciliation(String saleId) {
        return flashSale(saleId) + "/reconciliation";
    }

    static String fault(String point) {
        return FAULTS + "/" + point;
    }

    static Map<String, String> admin(String adminToken) {
        return Map.of(ADMIN_TOKEN, adminToken);
    }

    static Map<String, String> adminJson(String adminToken) {
        return Map.of("Content-Type", "application/json", ADMIN_TOKEN, adminToken);
    }

    /**
     * The order's JSON, written directly: a request id of letters, digits and dashes (a UUID) needs no escaping,
     * and the driver spends no Jackson round on each request (docs/benchmarks.md, the driver's CPU per order).
     */
    static String orderBody(String requestId, long userId, long productId, int quantity) {
        if (!plain(requestId)) {
            return JSON.writeValueAsString(Map.of("requestId", requestId, "userId", userId, "productId", productId,
                    "quantity", quantity));
        }
        return "{\"requestId\":\"" + requestId + "\",\"userId\":" + userId + ",\"productId\":" + productId
                + ",\"quantity\":" + quantity + "}";
    }

    static String purchaseBody(String requestId, long userId) {
        return JSON.writeValueAsString(Map.of("requestId", requestId, "userId", userId));
    }

    static String saleBody(long productId, int units, Instant startsAt, Instant endsAt) {
        return JSON.writeValueAsString(Map.of("productId", productId, "units", units, "startsAt", startsAt.toString(),
                "endsAt", endsAt.toString()));
    }

    /** The order id of an answer: found directly in the service's compact JSON, else by parsing it. */
    static String orderId(String body) {
        int key = body.indexOf(ORDER_ID_KEY);
        if (key >= 0) {
            int from = key + ORDER_ID_KEY.length();
            int to = body.indexOf('"', from);
            String id = to > from ? body.substring(from, to) : "";
            if (plain(id)) {
                return id;
            }
        }
        try {
            return JSON.readTree(body).path("orderId").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    /** Letters, digits and dashes only, as a UUID: nothing a JSON string would escape. */
    private static boolean plain(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
