package io.txlab.support.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a request body, in the client's terms: the field and what it must be. Jackson's own
 * messages name Java types ({@code java.lang.Integer}), so none of them is passed on.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String describe(HttpMessageNotReadableException e) {
        JacksonException cause = jacksonCause(e);
        if (cause == null) {
            return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                    ? "a JSON body is required" : "the body is not the expected JSON";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + unknown.getPropertyName() + known(unknown.getKnownPropertyIds());
        }
        if (cause instanceof StreamConstraintsException) {
            return "the body nests too deeply, or holds a number or a text too long";
        }
        if (startsWith(cause, "Trailing token")) {
            return "the body must hold one JSON value and nothing after it";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return where(mismatch) + " must be " + expected(mismatch.getTargetType());
        }
        if (cause instanceof InputCoercionException outOfRange) {
            return where(outOfRange) + " must be " + expected(outOfRange.getTargetType());
        }
        if (startsWith(cause, "Duplicate Object property")) {
            return "a field appears twice" + at(cause);
        }
        if (cause instanceof StreamReadException) {
            return "the body is not valid JSON" + at(cause);
        }
        return where(cause) + " is not acceptable";
    }

    /** Jackson tells these cases apart by its message only; the message itself is never passed on. */
    private static boolean startsWith(JacksonException e, String prefix) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(prefix);
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String where(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path.isEmpty()) {
            return "the body";
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "the body" : field.toString();
    }

    /** What a field of this type takes, without naming the Java type. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of the expected type";
        }
        if (type == Integer.class || type == int.class || type == Short.class || type == short.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", without a fraction";
        }
        if (type == Long.class || type == long.class || type == BigInteger.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", without a fraction";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant such as 2026-11-22T10:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object with the documented fields";
    }

    private static String known(Collection<Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return "";
        }
        return "; the fields are " + fields.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String at(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
