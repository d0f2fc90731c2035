package io.txlab.support.web;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place every service answers a request Spring MVC refused before a controller ran: an unreadable or
 * ill-typed body, a path variable or query parameter of the wrong type, a method, media type or route that
 * does not exist. Each is an RFC 9457 problem (Spring's own ResponseEntityExceptionHandler); the two kinds
 * whose default detail says little or names Java types say which field is wrong and what it must be. The
 * services' own advice (OrderProblems, FlashSaleProblems) answers their domain exceptions, none of these.
 */
@RestControllerAdvice
class RequestProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ex, "Invalid request body", UnreadableBody.describe(ex), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        String what = "value";
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            name = mismatch.getName();
            what = mismatch.getParameter().hasParameterAnnotation(PathVariable.class) ? "path variable" : "parameter";
        }
        return answer(ex, "Invalid " + what, what + " " + name + " must be " + UnreadableBody.expected(ex.getRequiredType()),
                headers, status, request);
    }

    /**
     * Tomcat refuses a query string it cannot decode ({@code %ZZ}) when a parameter is first read. Unanswered
     * here, that would be logged as a servlet failure, with its stack trace, for a client's typo.
     */
    @ExceptionHandler
    ResponseEntity<Object> undecodableParameters(InvalidParameterException ex, WebRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(ex.getErrorCode() >= 400 && ex.getErrorCode() < 500
                ? ex.getErrorCode() : 400);
        return answer(ex, "Invalid parameters", "the query string could not be decoded: check its percent-encoding",
                new HttpHeaders(), status, request);
    }

    private ResponseEntity<Object> answer(Exception ex, String title, String detail, HttpHeaders headers,
                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(detail));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }
}
