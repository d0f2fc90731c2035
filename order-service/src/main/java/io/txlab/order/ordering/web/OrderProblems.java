package io.txlab.order.ordering.web;

import java.net.URI;

import io.txlab.support.tx.TransactionalPublisher;
import io.txlab.order.ordering.application.OrderNotFoundException;
import io.txlab.order.ordering.application.OrderNotPlacedException;
import io.txlab.order.ordering.application.RequestIdConflictException;
import io.txlab.order.ordering.application.UnknownProductException;
import io.txlab.order.ordering.application.UnknownPublishModeException;
import io.txlab.order.sharedkernel.InvalidOrderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the order API's failures to RFC 9457 problem bodies; never a stack trace. */
@RestControllerAdvice(assignableTypes = {OrderController.class, DualWriteController.class})
class OrderProblems {

    private static final Logger log = LoggerFactory.getLogger(OrderProblems.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidOrderException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-order", "Invalid order", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownProduct(UnknownProductException e) {
        return problem(HttpStatus.BAD_REQUEST, "unknown-product", "Unknown product", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownPublishMode(UnknownPublishModeException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unknown-publish-mode", "Unknown publish mode",
                e.getMessage());
        problem.setProperty("accepted", e.accepted());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail requestIdConflict(RequestIdConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "request-id-conflict", "Request id already used",
                e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notPlaced(OrderNotPlacedException e) {
        log.warn("order not placed: {}", e.getMessage(), e.getCause());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "order-not-placed", "Order not placed",
                e.getMessage());
        e.orderId().ifPresent(orderId -> problem.setProperty("orderId", orderId));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail brokerUnavailable(TransactionalPublisher.BrokerUnavailableException e) {
        log.warn("broker unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Message broker unavailable",
                "The order was not placed; nothing was recorded. Retry with the same requestId.");
    }

    /**
     * The pool gave no connection in time, or the database is down. A placed order is never lost by this: the
     * request id makes a retry safe, whether or not the order was recorded before the failure.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessResourceFailureException e) {
        log.warn("database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                        "The order service could not reach its database in time. Retry with the same requestId: "
                                + "an order that was recorded is returned, not placed twice."));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:txlab:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
