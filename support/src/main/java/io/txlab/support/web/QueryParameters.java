package io.txlab.support.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.txlab.contracts.time.TimestampRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Reads one request's optional query parameters, each as it arrived (a String), collecting every bad one; then
 * {@link #validate()} refuses them all at once in one 400 problem that names each parameter. A read that fails
 * returns the default, so that the controller can go on reading the others before it validates.
 */
public final class QueryParameters {

    private final List<String> errors = new ArrayList<>();
    private final Set<String> invalid = new LinkedHashSet<>();

    /** An integer between {@code min} and {@code max}; {@code fallback} when absent. */
    public int integer(String name, String value, int fallback, int min, int max) {
        if (absent(value)) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(name, name + " must be a whole number between " + min + " and " + max);
        return fallback;
    }

    /** An ISO-8601 instant (2026-11-22T10:00:00Z) that a TIMESTAMP column holds; empty when absent. */
    public Optional<Instant> instant(String name, String value) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            Instant parsed = Instant.parse(value.trim());
            if (TimestampRange.contains(parsed)) {
                return Optional.of(parsed);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        reject(name, name + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z, " + TimestampRange.describe());
        return Optional.empty();
    }

    /**
     * An ISO-8601 instant, or a duration back from {@code now} (PT10M), that a TIMESTAMP column holds; empty when
     * absent.
     */
    public Optional<Instant> pointInTime(String name, String value, Instant now) {
        if (absent(value) || !(value.startsWith("P") || value.startsWith("p"))) {
            return instant(name, value);
        }
        try {
            Instant at = now.minus(Duration.parse(value));
            if (TimestampRange.contains(at)) {
                return Optional.of(at);
            }
        } catch (DateTimeException | ArithmeticException e) {
            // reported below; a duration too long to subtract from now overflows
        }
        reject(name, name + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z or a duration such as PT10M, "
                + TimestampRange.describe());
        return Optional.empty();
    }

    /** One of an enum's names, in any case; empty when absent. */
    public <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (absent(value)) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        Optional<E> found = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst();
        if (found.isEmpty()) {
            reject(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return found;
    }

    /** Records a parameter the caller found wrong by its own rule. */
    public void reject(String name, String message) {
        invalid.add(name);
        errors.add(message);
    }

    /** @throws InvalidQueryParameters naming every parameter rejected so far, if any */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidQueryParameters(List.copyOf(invalid), List.copyOf(errors));
        }
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    /** A 400 problem with {@code parameters} (the names) and {@code errors} (what each must be). */
    public static final class InvalidQueryParameters extends ErrorResponseException {

        InvalidQueryParameters(List<String> parameters, List<String> errors) {
            super(HttpStatus.BAD_REQUEST, problem(parameters, errors), null);
        }

        private static ProblemDetail problem(List<String> parameters, List<String> errors) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", errors));
            problem.setTitle("Invalid query parameters");
            problem.setProperty("parameters", parameters);
            problem.setProperty("errors", errors);
            return problem;
        }
    }
}
