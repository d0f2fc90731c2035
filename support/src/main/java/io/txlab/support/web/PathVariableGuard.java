package io.txlab.support.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, before any controller runs, a path variable that no id of this API can be: longer than
 * {@link #MAX_LENGTH} characters (the id columns are VARCHAR(64)) or holding a control character once
 * percent-decoded ({@code %01}, {@code %0A}). Every path variable of the API is an id, a number or a fault
 * point's name.
 */
final class PathVariableGuard implements HandlerInterceptor {

    static final int MAX_LENGTH = 64;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && !acceptable(text)) {
                    throw new InvalidPathVariable(String.valueOf(name));
                }
            });
        }
        return true;
    }

    static boolean acceptable(String value) {
        return value.length() <= MAX_LENGTH && value.chars().noneMatch(Character::isISOControl);
    }

    /** A 400 problem; RequestProblems renders it like any ErrorResponse. */
    static final class InvalidPathVariable extends ErrorResponseException {

        InvalidPathVariable(String name) {
            super(HttpStatus.BAD_REQUEST, problem(name), null);
        }

        private static ProblemDetail problem(String name) {
            String detail = "path variable " + name + " must be at most " + MAX_LENGTH
                    + " characters, none of them a control character";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle("Invalid path variable");
            problem.setProperty("errors", List.of(detail));
            return problem;
        }
    }
}
