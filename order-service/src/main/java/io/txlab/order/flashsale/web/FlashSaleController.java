package io.txlab.order.flashsale.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.txlab.support.admin.AdminAccess;
import io.txlab.support.admin.AdminToken;
import io.txlab.support.web.QueryParameters;
import io.txlab.order.flashsale.application.CreateFlashSale;
import io.txlab.order.flashsale.application.FlashPurchase;
import io.txlab.order.flashsale.application.FlashSaleQueries;
import io.txlab.order.flashsale.application.PurchaseFlashUnit;
import io.txlab.order.flashsale.application.ReconcileFlashSale;
import io.txlab.order.flashsale.domain.FlashSale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Flash sales: create (admin), purchase through the gate, state, reconcile (admin). */
@RestController
@RequestMapping("/api/flash-sales")
class FlashSaleController {

    static final int DEFAULT_LIST_LIMIT = 20;
    static final int MAX_LIST_LIMIT = 100;

    private final CreateFlashSale create;
    private final PurchaseFlashUnit purchase;
    private final FlashSaleQueries queries;
    private final ReconcileFlashSale reconcile;
    private final AdminAccess access;

    FlashSaleController(CreateFlashSale create, PurchaseFlashUnit purchase, FlashSaleQueries queries,
                        ReconcileFlashSale reconcile, AdminAccess access) {
        this.create = create;
        this.purchase = purchase;
        this.queries = queries;
        this.reconcile = reconcile;
        this.access = access;
    }

    record CreateRequest(Long productId, Integer units, Instant startsAt, Instant endsAt) {
    }

    record PurchaseRequest(String requestId, Long userId) {
    }

    /**
     * Creates a flash sale of a product's units between two instants and loads its units into Redis (admin token).
     * 201 with the sale.
     */
    @PostMapping
    ResponseEntity<?> create(@RequestHeader(value = AdminToken.HEADER, required = false) String token,
                             @RequestBody CreateRequest request) {
        var refusal = access.refusal(token);
        if (refusal.isPresent()) {
            return ResponseEntity.of(refusal.get()).build();
        }
        CreateFlashSale.Created created = create.create(request.productId(), request.units(), request.startsAt(),
                request.endsAt());
        Map<String, Object> body = sale(created.sale());
        body.put("loadedInRedis", created.loadedInRedis());
        return ResponseEntity.created(URI.create("/api/flash-sales/" + created.sale().saleId())).body(body);
    }

    /**
     * Buys one unit of a flash sale: the Redis gate takes a unit or refuses at once (409 sold out, 429 over a rate
     * limit), and a taken unit becomes an order placed from the purchase queue. 202 QUEUED with the order id; 200 for a
     * repeated request id.
     */
    @PostMapping("/{saleId}/purchases")
    ResponseEntity<Map<String, Object>> purchase(@PathVariable String saleId, @RequestBody PurchaseRequest request) {
        FlashPurchase accepted = purchase.purchase(saleId, request.requestId(), request.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", accepted.orderId());
        body.put("status", accepted.status());
        body.put("saleId", saleId);
        return ResponseEntity.status(accepted.repeat() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/orders/" + accepted.orderId())).body(body);
    }

    /**
     * Lists the newest flash sales with their units in Redis and in the database, newest first.
     * <p>
     * Each as {@code GET /api/flash-sales/{saleId}} shows it: {@code units}, {@code redisRemaining} (what the gate
     * still sells), {@code databaseRemaining} (units no active order holds) and the orders per status; the two
     * differ by the purchases accepted and not placed yet ({@code orders.queued}), or by drift that the
     * reconciliation repairs. {@code limit}: 1 to 100, 20 by default; another is a 400 problem naming it.
     */
    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        int max = parameters.integer("limit", limit, DEFAULT_LIST_LIMIT, 1, MAX_LIST_LIMIT);
        parameters.validate();
        return queries.newest(max).stream().map(FlashSaleController::stateBody).toList();
    }

    /**
     * Reads a flash sale: units left in Redis and in the database, and its orders by status.
     */
    @GetMapping("/{saleId}")
    Map<String, Object> state(@PathVariable String saleId) {
        return stateBody(queries.state(saleId));
    }

    private static Map<String, Object> stateBody(FlashSaleQueries.SaleState state) {
        Map<String, Object> body = sale(state.sale());
        body.put("redis", state.redis());
        body.put("redisRemaining", state.redisRemaining().orElse(null));
        body.put("redisBuyers", state.redisBuyers().orElse(null));
        body.put("databaseRemaining", state.databaseRemaining());
        Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("queued", state.queued().orElse(null));
        orders.put("pending", state.orders().get("PENDING"));
        orders.put("confirmed", state.orders().get("CONFIRMED"));
        orders.put("cancelled", state.orders().get("CANCELLED"));
        body.put("orders", orders);
        return body;
    }

    /**
     * Reconciles a flash sale's Redis units with the database now, instead of at the next periodic pass (admin
     * token); answers what was repaired.
     */
    @PostMapping("/{saleId}/reconciliation")
    ResponseEntity<?> reconcile(@RequestHeader(value = AdminToken.HEADER, required = false) String token,
                                @PathVariable String saleId) {
        var refusal = access.refusal(token);
        if (refusal.isPresent()) {
            return ResponseEntity.of(refusal.get()).build();
        }
        return ResponseEntity.ok(reconcile.reconcile(saleId));
    }

    private static Map<String, Object> sale(FlashSale sale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("saleId", sale.saleId());
        body.put("productId", sale.productId());
        body.put("units", sale.units());
        body.put("startsAt", sale.startsAt().toString());
        body.put("endsAt", sale.endsAt().toString());
        return body;
    }
}
