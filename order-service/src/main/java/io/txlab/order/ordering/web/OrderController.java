package io.txlab.order.ordering.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.txlab.support.tx.CheckBack;
import io.txlab.order.ordering.application.OrderCursor;
import io.txlab.order.ordering.application.OrderListing;
import io.txlab.order.ordering.application.OrderQueries;
import io.txlab.order.ordering.application.OrderTimeline;
import io.txlab.order.ordering.application.PlaceOrder;
import io.txlab.order.ordering.application.PlacedOrder;
import io.txlab.order.ordering.application.PublishMode;
import io.txlab.support.web.QueryParameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_STUCK_SECONDS = 7 * 24 * 3600;

    private final PlaceOrder placeOrder;
    private final OrderQueries queries;
    private final OrderTimeline timeline;
    private final OrderListing listing;

    OrderController(PlaceOrder placeOrder, OrderQueries queries, OrderTimeline timeline, OrderListing listing) {
        this.placeOrder = placeOrder;
        this.queries = queries;
        this.timeline = timeline;
        this.listing = listing;
    }

    /**
     * Places an order: the order row and its tx_log entry are the local transaction of an OrderCreated half
     * message. 202 for a new order (it is PENDING until both participants reply); 200 for a repeated request id.
     * {@code publish}: how its OrderCreated is published, {@code transactional} (default) or {@code outbox}.
     */
    @PostMapping
    ResponseEntity<OrderView> place(@RequestBody PlaceOrderRequest request,
                                    @RequestParam(name = "publish", required = false) String publish) {
        PublishMode mode = PublishMode.fromParameter(publish);
        PlacedOrder placed = placeOrder.place(request.toCommand(), mode);
        return ResponseEntity.status(placed.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/orders/" + placed.order().orderId()))
                .header(REPLAYED_HEADER, Boolean.toString(placed.replayed()))
                .body(OrderView.of(placed.order()));
    }

    /**
     * Lists orders, newest first, a page at a time.
     * <p>
     * {@code status}: PENDING, CONFIRMED, CANCELLED or STUCK (PENDING for more than {@code stuckSeconds}, 30 by
     * default); {@code since}: only orders created at or after this ISO-8601 instant; {@code limit}: 1 to 500, 50
     * by default; {@code cursor}: the {@code nextCursor} of the previous page, as it came. Any bad parameter is a
     * 400 problem naming it.
     */
    @GetMapping
    OrderPageView list(@RequestParam(required = false) String status,
                       @RequestParam(required = false) String since,
                       @RequestParam(required = false) String limit,
                       @RequestParam(required = false) String cursor,
                       @RequestParam(required = false) String stuckSeconds) {
        QueryParameters parameters = new QueryParameters();
        OrderListing.Filter filter = parameters.oneOf("status", status, OrderListing.Filter.class).orElse(null);
        Instant from = parameters.instant("since", since).orElse(null);
        int max = parameters.integer("limit", limit, OrderListing.DEFAULT_LIMIT, 1, OrderListing.MAX_LIMIT);
        int stuck = parameters.integer("stuckSeconds", stuckSeconds,
                (int) OrderListing.DEFAULT_STUCK_AFTER.toSeconds(), 1, MAX_STUCK_SECONDS);
        OrderCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            after = OrderCursor.parse(cursor).orElse(null);
            if (after == null) {
                parameters.reject("cursor", "cursor must be a nextCursor this API returned, unchanged");
            }
        }
        parameters.validate();
        return OrderPageView.of(listing.page(filter, Duration.ofSeconds(stuck), from, after, max));
    }

    /**
     * Reads one order: its status (PENDING, CONFIRMED or CANCELLED), its reason when cancelled, and its amounts.
     * 404 problem for an unknown order.
     */
    @GetMapping("/{orderId}")
    OrderView order(@PathVariable String orderId) {
        return OrderView.of(queries.order(orderId));
    }

    /**
     * Reads the order's timeline: everything the three services know about the order, in order (half message,
     * local transaction, check-backs, consumptions, replies, compensations); see scripts/timeline.sh.
     */
    @GetMapping("/{orderId}/timeline")
    OrderTimeline.Timeline timeline(@PathVariable String orderId) {
        return timeline.of(orderId);
    }

    /**
     * Lists the broker's check-backs of the order's half message: each attempt, the answer given (COMMIT, ROLLBACK
     * or UNKNOWN), which instance answered and how long the local transaction had been running.
     */
    @GetMapping("/{orderId}/checkbacks")
    List<CheckBack> checkBacks(@PathVariable String orderId) {
        return queries.checkBacks(orderId);
    }
}
