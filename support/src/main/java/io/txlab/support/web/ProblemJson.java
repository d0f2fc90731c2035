package io.txlab.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem body for the places that answer before Spring MVC does (the request filters) or without
 * it (Tomcat's own refusals): the same members MVC's ProblemDetail has, nothing of the request echoed back.
 */
final class ProblemJson {

    static final String CONTENT_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        byte[] body = of(status, detail);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static byte[] of(int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
