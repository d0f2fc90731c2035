package io.txlab.support.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what it refused itself (an encoded slash, {@code %00}, a
 * path above the root, TRACE) and what escaped every handler: always an RFC 9457 problem as JSON, whatever
 * the Accept header asks, never HTML, never the exception. Replaces Boot's BasicErrorController.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // Asked for directly, /error is just a path with nothing behind it.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : HttpStatus.NOT_FOUND.value();
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR.value();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail(status));
        problem.setTitle(ProblemJson.title(status));
        originalUri(request).ifPresent(problem::setInstance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The path that failed, not /error; left out when it is no valid URI (Spring then names /error). */
    private static Optional<URI> originalUri(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                return Optional.of(new URI(path));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request line, its path or a header is malformed";
            case 404 -> "there is no endpoint at this path";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request is too large";
            default -> status >= 500 ? "the service could not answer this request" : "the request was refused";
        };
    }
}
