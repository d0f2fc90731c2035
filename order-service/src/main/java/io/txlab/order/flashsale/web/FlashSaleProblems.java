package io.txlab.order.flashsale.web;

import java.net.URI;
import java.util.List;

import io.txlab.order.flashsale.application.FlashPurchaseRefusedException;
import io.txlab.order.flashsale.application.FlashSaleNotFoundException;
import io.txlab.order.flashsale.application.NotEnoughStockException;
import io.txlab.order.flashsale.application.PurchaseNotQueuedException;
import io.txlab.order.flashsale.application.RateLimitedException;
import io.txlab.order.flashsale.domain.FlashStockUnavailableException;
import io.txlab.order.flashsale.domain.InvalidFlashSaleException;
import io.txlab.order.flashsale.domain.InventoryUnreachableException;
import io.txlab.order.ordering.application.RequestIdConflictException;
import io.txlab.order.ordering.application.UnknownProductException;
import io.txlab.order.sharedkernel.InvalidOrderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem bodies for the flash-sale endpoints; the type of a 409 names why (…/sold-out, …/already-bought). */
@RestControllerAdvice(assignableTypes = FlashSaleController.class)
class FlashSaleProblems {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleProblems.class);
    /** Like the order endpoints' problems (urn:txlab:problem:…), one level down: …:flash-sale/sold-out. */
    private static final String TYPES = "urn:txlab:problem:flash-sale/";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(FlashPurchaseRefusedException e) {
        return problem(HttpStatus.CONFLICT, e.reason().slug(), e.reason().title(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> limited(RateLimitedException e) {
        long seconds = e.retryAfterSeconds();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(body(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(FlashStockUnavailableException e) {
        log.warn("flash-sale gate unavailable: {}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "gate-unavailable", "Flash-sale gate unavailable",
                e.getMessage() + "; nothing was taken or sold: retry later");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notQueued(PurchaseNotQueuedException e) {
        log.warn("flash purchase not queued: {}", e.getMessage());
        ResponseEntity<ProblemDetail> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, "purchase-not-queued",
                "Purchase not queued", "the purchase queue did not confirm the purchase and its unit went back to the "
                        + "sale; retry with the same requestId (if the queue stored it after all, the order appears "
                        + "under orderId)");
        unavailable.getBody().setProperty("orderId", e.orderId());
        return unavailable;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> requestIdConflict(RequestIdConflictException e) {
        ResponseEntity<ProblemDetail> conflict = problem(HttpStatus.CONFLICT, "request-id-conflict",
                "Request id already used", e.getMessage());
        conflict.getBody().setProperty("orderId", e.orderId());
        return conflict;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(FlashSaleNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-sale", "Unknown flash sale", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notEnough(NotEnoughStockException e) {
        return problem(HttpStatus.CONFLICT, "not-enough-stock", "Not enough stock", e.getMessage());
    }

    /** A body that is not the expected JSON is answered by support's RequestProblems, like every endpoint's. */
    @ExceptionHandler({InvalidFlashSaleException.class, InvalidOrderException.class, UnknownProductException.class})
    ResponseEntity<ProblemDetail> invalid(RuntimeException e) {
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        if (e instanceof InvalidFlashSaleException invalid) {
            body.setProperty("errors", invalid.errors());
        } else if (e instanceof InvalidOrderException invalid) {
            body.setProperty("errors", invalid.errors());
        } else {
            body.setProperty("errors", List.of(body.getDetail()));
        }
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> inventory(InventoryUnreachableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "inventory-unavailable", "Inventory unavailable", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
        return ResponseEntity.status(status).body(body(status, slug, title, detail));
    }

    private static ProblemDetail body(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + slug));
        problem.setTitle(title);
        return problem;
    }
}
