package io.txlab.support.admin;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one answer every admin endpoint gives a request without the right X-Admin-Token. */
public final class AdminAccess {

    private final AdminToken token;
    private final String service;

    public AdminAccess(AdminToken token, String service) {
        this.token = token;
        this.service = service;
    }

    /** @return empty if the token is right; else a 403 (no token configured) or 401 (wrong or missing) problem */
    public Optional<ProblemDetail> refusal(String presented) {
        return switch (token.check(presented)) {
            case ALLOWED -> Optional.empty();
            case NOT_CONFIGURED -> Optional.of(problem(HttpStatus.FORBIDDEN, "Admin endpoints are off",
                    "set " + AdminToken.VARIABLE + " (at least " + AdminToken.MIN_LENGTH + " characters) for " + service
                            + " to use them"));
            case WRONG_OR_MISSING -> Optional.of(problem(HttpStatus.UNAUTHORIZED, "Admin token required",
                    "send the value of " + AdminToken.VARIABLE + " in the " + AdminToken.HEADER + " header"));
        };
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
