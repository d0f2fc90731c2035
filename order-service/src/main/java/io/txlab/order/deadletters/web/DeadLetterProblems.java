package io.txlab.order.deadletters.web;

import java.util.List;

import io.txlab.order.deadletters.application.DeadLettersUnavailableException;
import io.txlab.order.deadletters.application.UnknownConsumerGroupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The dead-letter API's failures as RFC 9457 problems. */
@RestControllerAdvice(assignableTypes = DeadLetterController.class)
class DeadLetterProblems {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProblems.class);

    @ExceptionHandler
    ProblemDetail unknownGroup(UnknownConsumerGroupException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unknown consumer group");
        problem.setProperty("parameters", List.of("group"));
        problem.setProperty("errors", List.of(e.getMessage()));
        problem.setProperty("accepted", e.accepted());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unavailable(DeadLettersUnavailableException e) {
        log.warn("dead letters unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Broker unavailable");
        return problem;
    }
}
