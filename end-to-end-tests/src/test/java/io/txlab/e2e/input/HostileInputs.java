package io.txlab.e2e.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.txlab.e2e.support.Platform;
import io.txlab.e2e.support.Platform.Service;
import io.txlab.e2e.support.RawHttp.Request;
import org.junit.jupiter.api.Named;

/**
 * The catalogue of malformed and hostile requests {@link HostileInputIT} sends, each with the status it must get.
 * {@value #SALE} in a target stands for an open flash sale the test creates first.
 */
final class HostileInputs {

    static final String SALE = "{sale}";

    /** One hostile request to one service and the 4xx it must be answered with. */
    record Hostile(String name, Service service, Request request, int status) {
    }

    /** The request id of an order the test places first: every later use of it for another order is a 409. */
    static final String USED_REQUEST_ID = "hostile-used";

    private static final String ORDER = "{\"requestId\":\"hostile-input\",\"userId\":1,\"productId\":1,\"quantity\":%s}";
    private static final String VALID_ORDER = ORDER.formatted("1");
    private static final String ID_65 = "o".repeat(65);
    private static final byte[] BODY_100_KB = ("{\"requestId\":\"" + "x".repeat(100 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final List<Named<Hostile>> cases = new ArrayList<>();

    private HostileInputs() {
    }

    static List<Named<Hostile>> all() {
        HostileInputs inputs = new HostileInputs();
        inputs.orderBodies();
        inputs.orderHeadersAndMethods();
        inputs.paths();
        inputs.queries();
        inputs.flashSales();
        inputs.inventory();
        inputs.payment();
        inputs.adminAndActuator();
        inputs.console();
        return List.copyOf(inputs.cases);
    }

    private void orderBodies() {
        quantity("1.5, a fraction, is not silently 1", "1.5");
        quantity("2.0, a float literal", "2.0");
        quantity("\"2\", a string", "\"2\"");
        quantity("1e30", "1e30");
        quantity("2147483648, beyond an int", "2147483648");
        quantity("-1", "-1");
        quantity("0", "0");
        quantity("null", "null");
        quantity("true", "true");
        quantity("[1], an array", "[1]");
        quantity("an object", "{\"value\":1}");
        quantity("a number of 1,200 digits", "9".repeat(1200));
        quantity("NaN", "NaN");
        postOrder("userId as a string", "{\"requestId\":\"hostile-input\",\"userId\":\"1\",\"productId\":1,\"quantity\":1}");
        postOrder("userId 1e3", "{\"requestId\":\"hostile-input\",\"userId\":1e3,\"productId\":1,\"quantity\":1}");
        postOrder("userId beyond a long", "{\"requestId\":\"hostile-input\",\"userId\":99999999999999999999,"
                + "\"productId\":1,\"quantity\":1}");
        postOrder("userId negative", "{\"requestId\":\"hostile-input\",\"userId\":-1,\"productId\":1,\"quantity\":1}");
        postOrder("productId 1.5", "{\"requestId\":\"hostile-input\",\"userId\":1,\"productId\":1.5,\"quantity\":1}");
        postOrder("productId unknown", "{\"requestId\":\"hostile-input\",\"userId\":1,\"productId\":999999,\"quantity\":1}");
        requestId("of 65 characters", "\"" + "r".repeat(65) + "\"");
        requestId("with a NUL character", "\"a\\u0000b\"");
        requestId("with a newline", "\"a\\nb\"");
        requestId("with an escape character", "\"a\\u001bb\"");
        requestId("as a number", "12345");
        requestId("blank", "\"   \"");
        postOrder("an unknown field", "{\"requestId\":\"hostile-input\",\"userId\":1,\"productId\":1,\"quantity\":1,"
                + "\"admin\":true}");
        postOrder("a field given twice", "{\"requestId\":\"hostile-input\",\"userId\":1,\"productId\":1,\"quantity\":1,"
                + "\"quantity\":100}");
        postOrder("a second value after the object", VALID_ORDER + " " + VALID_ORDER);
        postOrder("truncated JSON", "{\"requestId\":\"hostile-input\",\"userId\":1,");
        postOrder("single quotes", "{'requestId':'hostile-input','userId':1,'productId':1,'quantity':1}");
        postOrder("a comment", "{\"requestId\":\"hostile-input\",/* hi */\"userId\":1,\"productId\":1,\"quantity\":1}");
        postOrder("arrays nested 2,000 deep", "{\"requestId\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        postOrder("the JSON null", "null");
        postOrder("a JSON array", "[" + VALID_ORDER + "]");
        postOrder("a JSON string", "\"order\"");
        add("POST /api/orders: invalid UTF-8", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/json")
                .body(new byte[] {'{', '"', 'r', 'e', 'q', 'u', 'e', 's', 't', 'I', 'd', '"', ':', '"', (byte) 0xC3,
                        (byte) 0x28, '"', '}'}), 400);
        add("POST /api/orders: an empty body", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/json").body(""), 400);
        add("POST /api/orders: a 100 KB body", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/json").body(BODY_100_KB), 413);
        add("POST /api/orders: Content-Length of 10 MB, little sent", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/json").header("Content-Length", "10485760").body(VALID_ORDER), 413);
        add("POST /api/orders: a chunked body of 100 KB", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/json").chunked(BODY_100_KB), 413);
        add("POST /api/unsafe/dual-write/orders: quantity 1.5", Service.ORDER,
                Request.of("POST", "/api/unsafe/dual-write/orders").json(ORDER.formatted("1.5")), 400);
        String usedForAnotherOrder = "{\"requestId\":\"" + USED_REQUEST_ID
                + "\",\"userId\":1,\"productId\":1,\"quantity\":2}";
        add("POST /api/orders: a requestId used for another order", Service.ORDER,
                Request.of("POST", "/api/orders").json(usedForAnotherOrder), 409);
        add("POST /api/unsafe/dual-write/orders: a requestId used before", Service.ORDER,
                Request.of("POST", "/api/unsafe/dual-write/orders").json(usedForAnotherOrder), 409);
    }

    private void orderHeadersAndMethods() {
        add("POST /api/orders: Content-Type text/plain", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "text/plain").body(VALID_ORDER), 415);
        add("POST /api/orders: no Content-Type", Service.ORDER, Request.of("POST", "/api/orders").body(VALID_ORDER), 415);
        add("POST /api/orders: Content-Type application/xml", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/xml").body("<order/>"), 415);
        add("POST /api/orders: a form body", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/x-www-form-urlencoded").body("requestId=x&userId=1"), 415);
        add("POST /api/orders: an unknown charset", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", "application/json; charset=x-no-such-charset").body(VALID_ORDER), 415);
        add("POST /api/orders: a Content-Type that does not parse", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Content-Type", ";;;").body(VALID_ORDER), 415);
        add("POST /api/orders: a valid order that only accepts XML", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Accept", "application/xml").json(VALID_ORDER), 406);
        add("POST /api/orders: a valid order that only accepts HTML", Service.ORDER, Request.of("POST", "/api/orders")
                .header("Accept", "text/html").json(VALID_ORDER), 406);
        add("POST /api/orders: an Accept header that does not parse", Service.ORDER,
                Request.of("POST", "/api/orders").header("Accept", "/;;;").json(VALID_ORDER), 406);
        add("POST /api/orders: a Content-Length that is not a number", Service.ORDER,
                Request.of("POST", "/api/orders").header("Content-Type", "application/json")
                        .header("Content-Length", "ten").body(VALID_ORDER), 400);
        add("DELETE /api/orders", Service.ORDER, Request.of("DELETE", "/api/orders"), 405);
        add("PUT /api/orders", Service.ORDER, Request.of("PUT", "/api/orders").json(VALID_ORDER), 405);
        add("DELETE /api/orders/{id}", Service.ORDER, Request.of("DELETE", "/api/orders/some-order"), 405);
        add("TRACE /api/orders", Service.ORDER, Request.of("TRACE", "/api/orders"), 405);
    }

    private void paths() {
        add("GET /api/orders/{65 characters}", Service.ORDER, Request.of("GET", "/api/orders/" + ID_65), 400);
        add("GET /api/orders/%01, a control character", Service.ORDER, Request.of("GET", "/api/orders/%01"), 400);
        add("GET /api/orders/{id}/timeline with a tab", Service.ORDER, Request.of("GET", "/api/orders/a%09b/timeline"), 400);
        add("GET /api/orders/{id}/checkbacks with a newline", Service.ORDER,
                Request.of("GET", "/api/orders/a%0Ab/checkbacks"), 400);
        add("GET /api/orders/a%2Fb, an encoded slash", Service.ORDER, Request.of("GET", "/api/orders/a%2Fb"), 400);
        add("GET /api/orders/%00", Service.ORDER, Request.of("GET", "/api/orders/%00"), 400);
        add("GET /api/orders/%ZZ, invalid percent-encoding", Service.ORDER, Request.of("GET", "/api/orders/%ZZ"), 400);
        add("GET /api/orders/%C0%AE%C0%AE, overlong UTF-8", Service.ORDER,
                Request.of("GET", "/api/orders/%C0%AE%C0%AE"), 400);
        add("GET /api/orders/a|b, a raw character the URI syntax forbids", Service.ORDER,
                Request.of("GET", "/api/orders/a|b"), 400);
        add("GET /api/orders/..;/x", Service.ORDER, Request.of("GET", "/api/orders/..;/x"), 404);
        add("GET above the root: /api/../../etc/passwd", Service.ORDER, Request.of("GET", "/api/../../etc/passwd"), 400);
        add("GET a request line of 10 KB", Service.ORDER, Request.of("GET", "/api/orders/" + "o".repeat(10 * 1024)), 400);
        add("GET /no-such-route", Service.ORDER, Request.of("GET", "/no-such-route"), 404);
        add("POST /no-such-route", Service.ORDER, Request.of("POST", "/no-such-route").json(VALID_ORDER), 404);
        add("GET /api/orders/{id}/no-such-part", Service.ORDER, Request.of("GET", "/api/orders/x/no-such-part"), 404);
    }

    private void queries() {
        checkBacks(Service.ORDER, "limit=abc");
        checkBacks(Service.ORDER, "limit=1.5");
        checkBacks(Service.ORDER, "limit=99999999999");
        checkBacks(Service.ORDER, "since=yesterday");
        checkBacks(Service.ORDER, "since=PT2000000000000H");
        checkBacks(Service.ORDER, "since=%2B10000-01-01T00:00:00Z");
        checkBacks(Service.ORDER, "answer=MAYBE");
        checkBacks(Service.ORDER, "answer=%ZZ");
        checkBacks(Service.ORDER, "until=PT2000000000000H");
        orders("status=SHIPPED");
        orders("limit=0");
        orders("limit=501");
        orders("limit=1e3");
        orders("since=yesterday");
        orders("since=%2B10000-01-01T00:00:00Z");
        orders("cursor=not-a-cursor");
        orders("cursor=" + "A".repeat(300));
        orders("status=STUCK&stuckSeconds=0");
        orders("stuckSeconds=99999999999");
        add("GET /api/transactions/in-flight?limit=-1", Service.PAYMENT,
                Request.of("GET", "/api/transactions/in-flight?limit=-1"), 400);
        add("GET /api/console/checkbacks?answer=MAYBE", Service.ORDER,
                Request.of("GET", "/api/console/checkbacks?answer=MAYBE"), 400);
        add("GET /api/flash-sales?limit=abc", Service.ORDER, Request.of("GET", "/api/flash-sales?limit=abc"), 400);
        add("GET /api/console/dead-letters?group=%25DLQ%25x", Service.ORDER,
                Request.of("GET", "/api/console/dead-letters?group=%25DLQ%25x"), 400);
        add("GET /api/console/faults/shipping", Service.ORDER, Request.of("GET", "/api/console/faults/shipping")
                .header("X-Admin-Token", Platform.ADMIN_TOKEN), 400);
        add("POST /api/orders?publish=fast with a valid order", Service.ORDER,
                Request.of("POST", "/api/orders?publish=fast").json(VALID_ORDER), 400);
        add("POST /api/orders?publish=outbox&publish=transactional with a valid order", Service.ORDER,
                Request.of("POST", "/api/orders?publish=outbox&publish=transactional").json(VALID_ORDER), 400);
        add("POST /api/orders?publish=%ZZ with a valid order", Service.ORDER,
                Request.of("POST", "/api/orders?publish=%ZZ").json(VALID_ORDER), 400);
    }

    private void flashSales() {
        String token = Platform.ADMIN_TOKEN;
        String sale = "{\"productId\":6,\"units\":%s,\"startsAt\":%s,\"endsAt\":\"2037-01-01T00:00:00Z\"}";
        createSale("units 1.5", sale.formatted("1.5", "\"2026-01-01T00:00:00Z\""), token);
        createSale("units as a string", sale.formatted("\"5\"", "\"2026-01-01T00:00:00Z\""), token);
        createSale("startsAt not a date", sale.formatted("5", "\"yesterday\""), token);
        createSale("startsAt in month 13", sale.formatted("5", "\"2026-13-01T00:00:00Z\""), token);
        createSale("startsAt beyond year 9999", sale.formatted("5", "\"+10000-01-01T00:00:00Z\""), token);
        createSale("endsAt in 2099, beyond what a TIMESTAMP column holds", "{\"productId\":6,\"units\":5,"
                + "\"startsAt\":\"2026-01-01T00:00:00Z\",\"endsAt\":\"2099-01-01T00:00:00Z\"}", token);
        createSale("startsAt in 1969", "{\"productId\":6,\"units\":5,"
                + "\"startsAt\":\"1969-12-31T00:00:00Z\",\"endsAt\":\"2037-01-01T00:00:00Z\"}", token);
        String purchase = "/api/flash-sales/" + SALE + "/purchases";
        add("POST purchase: userId 1.5", Service.ORDER, Request.of("POST", purchase)
                .json("{\"requestId\":\"hostile-input\",\"userId\":1.5}"), 400);
        add("POST purchase: userId as a string", Service.ORDER, Request.of("POST", purchase)
                .json("{\"requestId\":\"hostile-input\",\"userId\":\"1001\"}"), 400);
        add("POST purchase: requestId with a control character", Service.ORDER, Request.of("POST", purchase)
                .json("{\"requestId\":\"a\\u0007b\",\"userId\":1001}"), 400);
        add("POST purchase: an unknown field", Service.ORDER, Request.of("POST", purchase)
                .json("{\"requestId\":\"hostile-input\",\"userId\":1001,\"units\":50}"), 400);
        add("POST purchase: a 100 KB body", Service.ORDER, Request.of("POST", purchase)
                .header("Content-Type", "application/json").body(BODY_100_KB), 413);
        add("GET /api/flash-sales/{65 characters}", Service.ORDER, Request.of("GET", "/api/flash-sales/" + ID_65), 400);
        add("GET /api/flash-sales/{id}/reconciliation", Service.ORDER,
                Request.of("GET", "/api/flash-sales/" + SALE + "/reconciliation"), 405);
    }

    private void inventory() {
        add("GET /api/inventory/products/abc", Service.INVENTORY, Request.of("GET", "/api/inventory/products/abc"), 400);
        add("GET /api/inventory/products/1.5", Service.INVENTORY, Request.of("GET", "/api/inventory/products/1.5"), 400);
        add("GET /api/inventory/products/{beyond a long}", Service.INVENTORY,
                Request.of("GET", "/api/inventory/products/99999999999999999999"), 400);
        add("GET /api/inventory/products/%20", Service.INVENTORY, Request.of("GET", "/api/inventory/products/%20"), 400);
        add("GET /api/inventory/products/1 accepting only XML", Service.INVENTORY,
                Request.of("GET", "/api/inventory/products/1").header("Accept", "application/xml"), 406);
        add("POST /api/inventory/products/1", Service.INVENTORY,
                Request.of("POST", "/api/inventory/products/1").json("{}"), 405);
        add("GET /api/inventory/orders/a%0Ab", Service.INVENTORY, Request.of("GET", "/api/inventory/orders/a%0Ab"), 400);
        add("GET /api/inventory/orders/{65 characters}", Service.INVENTORY,
                Request.of("GET", "/api/inventory/orders/" + ID_65), 400);
        String token = Platform.ADMIN_TOKEN;
        allocation("units 1.5", "{\"productId\":6,\"units\":1.5}", token, 400);
        allocation("units as a string", "{\"productId\":6,\"units\":\"5\"}", token, 400);
        allocation("units beyond an int", "{\"productId\":6,\"units\":2147483648}", token, 400);
        allocation("productId 1e2", "{\"productId\":1e2,\"units\":1}", token, 400);
        allocation("an unknown field", "{\"productId\":6,\"units\":1,\"free\":true}", token, 400);
        add("PUT /api/inventory/flash-allocations/{id}: an empty body", Service.INVENTORY,
                Request.of("PUT", "/api/inventory/flash-allocations/hostile").header("X-Admin-Token", token)
                        .header("Content-Type", "application/json").body(""), 400);
        add("PUT /api/inventory/flash-allocations/{id}: a chunked body of 100 KB", Service.INVENTORY,
                Request.of("PUT", "/api/inventory/flash-allocations/hostile").header("X-Admin-Token", token)
                        .header("Content-Type", "application/json").chunked(BODY_100_KB), 413);
        add("PUT /api/inventory/flash-allocations/{id}: text/plain", Service.INVENTORY,
                Request.of("PUT", "/api/inventory/flash-allocations/hostile").header("X-Admin-Token", token)
                        .header("Content-Type", "text/plain").body("units=1"), 415);
        add("POST /api/inventory/flash-allocations/{id}", Service.INVENTORY,
                Request.of("POST", "/api/inventory/flash-allocations/hostile").json("{\"productId\":6,\"units\":1}"), 405);
        checkBacks(Service.INVENTORY, "limit=0");
        checkBacks(Service.INVENTORY, "since=2026-02-30T00:00:00Z");
    }

    private void payment() {
        add("GET /api/payment/accounts/abc", Service.PAYMENT, Request.of("GET", "/api/payment/accounts/abc"), 400);
        add("GET /api/payment/accounts/1e3", Service.PAYMENT, Request.of("GET", "/api/payment/accounts/1e3"), 400);
        add("GET /api/payment/accounts/%0A", Service.PAYMENT, Request.of("GET", "/api/payment/accounts/%0A"), 400);
        add("POST /api/payment/accounts/1", Service.PAYMENT, Request.of("POST", "/api/payment/accounts/1").json("{}"), 405);
        add("GET /api/payment/orders/a%2Fb", Service.PAYMENT, Request.of("GET", "/api/payment/orders/a%2Fb"), 400);
        add("GET /api/payment/orders/%FF", Service.PAYMENT, Request.of("GET", "/api/payment/orders/%FF"), 400);
        add("GET /api/payment/nothing-here", Service.PAYMENT, Request.of("GET", "/api/payment/nothing-here"), 404);
        checkBacks(Service.PAYMENT, "answer=maybe");
        checkBacks(Service.PAYMENT, "limit=-1");
    }

    private void adminAndActuator() {
        String token = Platform.ADMIN_TOKEN;
        fault(Service.ORDER, "times 1.5", "{\"point\":\"order.consume\",\"action\":\"throw\",\"times\":1.5}", 400);
        fault(Service.INVENTORY, "action as a number", "{\"point\":\"inventory.consume\",\"action\":42}", 400);
        fault(Service.INVENTORY, "delayMs as a string",
                "{\"point\":\"inventory.consume\",\"action\":\"delay\",\"delayMs\":\"100\"}", 400);
        fault(Service.PAYMENT, "times beyond an int",
                "{\"point\":\"payment.consume\",\"action\":\"throw\",\"times\":99999999999}", 400);
        fault(Service.PAYMENT, "an unknown action", "{\"point\":\"payment.consume\",\"action\":\"explode\"}", 400);
        add("POST /admin/faults on payment: a chunked body of 100 KB", Service.PAYMENT,
                Request.of("POST", "/admin/faults").header("X-Admin-Token", token)
                        .header("Content-Type", "application/json").chunked(BODY_100_KB), 413);
        add("DELETE /admin/faults/{65 characters} on inventory", Service.INVENTORY,
                Request.of("DELETE", "/admin/faults/" + ID_65).header("X-Admin-Token", token), 400);
        add("PUT /admin/faults on order", Service.ORDER, Request.of("PUT", "/admin/faults").header("X-Admin-Token", token)
                .json("{}"), 405);
        for (Service service : Service.values()) {
            for (String endpoint : List.of("", "env", "heapdump", "beans", "configprops", "loggers")) {
                String path = endpoint.isEmpty() ? "/actuator" : "/actuator/" + endpoint;
                add("GET " + path + " on " + service.name().toLowerCase(), service, Request.of("GET", path), 404);
            }
        }
    }

    /** The console is the only static content: nothing beside its files is served, and only to GET. */
    private void console() {
        add("GET /console/no-such-file.js", Service.ORDER, Request.of("GET", "/console/no-such-file.js"), 404);
        add("GET /console/%2e%2e/order-service.yml, out of the console's files", Service.ORDER,
                Request.of("GET", "/console/%2e%2e/order-service.yml"), 404);
        add("GET /static/console/index.html, the jar's path", Service.ORDER,
                Request.of("GET", "/static/console/index.html"), 404);
        add("POST /console", Service.ORDER, Request.of("POST", "/console").json("{}"), 405);
        add("GET /console on inventory, which has none", Service.INVENTORY, Request.of("GET", "/console"), 404);
    }

    private void quantity(String what, String value) {
        postOrder("quantity " + what, ORDER.formatted(value));
    }

    private void requestId(String what, String value) {
        postOrder("requestId " + what, "{\"requestId\":" + value + ",\"userId\":1,\"productId\":1,\"quantity\":1}");
    }

    private void postOrder(String what, String json) {
        add("POST /api/orders: " + what, Service.ORDER, Request.of("POST", "/api/orders").json(json), 400);
    }

    private void orders(String query) {
        add("GET /api/orders?" + query, Service.ORDER, Request.of("GET", "/api/orders?" + query), 400);
    }

    private void checkBacks(Service service, String query) {
        add("GET /api/transactions/checkbacks?" + query + " on " + service.name().toLowerCase(), service,
                Request.of("GET", "/api/transactions/checkbacks?" + query), 400);
    }

    private void createSale(String what, String json, String token) {
        add("POST /api/flash-sales: " + what, Service.ORDER, Request.of("POST", "/api/flash-sales")
                .header("X-Admin-Token", token).json(json), 400);
    }

    private void allocation(String what, String json, String token, int status) {
        add("PUT /api/inventory/flash-allocations/{id}: " + what, Service.INVENTORY,
                Request.of("PUT", "/api/inventory/flash-allocations/hostile").header("X-Admin-Token", token).json(json),
                status);
    }

    private void fault(Service service, String what, String json, int status) {
        add("POST /admin/faults on " + service.name().toLowerCase() + ": " + what, service,
                Request.of("POST", "/admin/faults").header("X-Admin-Token", Platform.ADMIN_TOKEN).json(json), status);
    }

    private void add(String name, Service service, Request request, int status) {
        cases.add(Named.of(name, new Hostile(name, service, request, status)));
    }
}
