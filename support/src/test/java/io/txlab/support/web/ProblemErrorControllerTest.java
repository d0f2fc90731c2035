package io.txlab.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void whatTheContainerRefusedIsAProblemWithItsStatus() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalArgumentException("Invalid URI"));

        ResponseEntity<ProblemDetail> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getTitle()).isEqualTo("Bad Request");
        assertThat(answer.getBody().getDetail()).doesNotContain("Exception", "Invalid URI");
    }

    @Test
    void namesThePathThatFailedNotTheErrorPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("TRACE", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/orders");

        assertThat(controller.error(request).getBody().getInstance()).hasToString("/api/orders");
    }

    @Test
    void aFailureSaysNothingOfItsCause() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("pool exhausted"));

        ResponseEntity<ProblemDetail> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).isEqualTo("the service could not answer this request");
    }

    @Test
    void errorAskedForDirectlyIsA404() {
        assertThat(controller.error(new MockHttpServletRequest("GET", "/error")).getStatusCode().value()).isEqualTo(404);
    }
}
