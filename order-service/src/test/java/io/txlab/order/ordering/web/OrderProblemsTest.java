package io.txlab.order.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class OrderProblemsTest {

    private final OrderProblems problems = new OrderProblems();

    @Test
    void anExhaustedConnectionPoolIsARetryable503NotA500() {
        ResponseEntity<ProblemDetail> answer = problems.databaseUnavailable(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        ProblemDetail problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getType()).isEqualTo(URI.create("urn:txlab:problem:database-unavailable"));
        assertThat(problem.getDetail()).contains("same requestId").doesNotContain("Exception");
    }
}
