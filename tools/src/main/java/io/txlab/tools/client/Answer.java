package io.txlab.tools.client;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer as it came, its body parsed only when asked: the load driver reads the status of most answers and
 * nothing more. Problems (RFC 9457) are read here: their {@code type}, and one line that describes them.
 */
public record Answer(int status, Map<String, String> headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DESCRIBED_CHARS = 200;

    static Answer of(KeepAliveHttp.Response response) {
        return new Answer(response.status(), response.headers(), response.body());
    }

    /** A header's value (names in any case), empty when there is none. */
    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** A text or number field of the JSON body, else empty. */
    public String text(String field) {
        JsonNode value = json().path(field);
        return value.isString() || value.isNumber() ? value.asString() : "";
    }

    /** The problem's {@code type}, empty when the answer is no problem. */
    public String problemType() {
        return text("type");
    }

    /** "HTTP 409: the problem's detail (or title, or the start of the body)". */
    public String describe() {
        return describe(status, json(), body);
    }

    static String describe(int status, JsonNode json, String body) {
        String detail = textOf(json, "detail").isBlank() ? textOf(json, "title") : textOf(json, "detail");
        if (detail.isBlank()) {
            detail = body.isBlank() ? "(empty body)" : body.replaceAll("\\s+", " ").strip();
        }
        return "HTTP " + status + ": " + (detail.length() > DESCRIBED_CHARS
                ? detail.substring(0, DESCRIBED_CHARS) + "..." : detail);
    }

    private static String textOf(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isString() || value.isNumber() ? value.asString() : "";
    }
}
