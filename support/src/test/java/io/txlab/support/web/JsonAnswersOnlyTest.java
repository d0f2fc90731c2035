package io.txlab.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class JsonAnswersOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/*", "application/problem+json",
        "application/vnd.spring-boot.actuator.v3+json", "text/html, application/xhtml+xml, */*;q=0.8",
        "application/xml;q=0.9, application/json;q=0.1"})
    void takesEveryAcceptHeaderThatTakesJson(String accept) {
        assertThat(JsonAnswersOnly.acceptsJson(accept)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "text/*", "application/json;q=0", "/;;;",
        "application/json;q=abc"})
    void refusesOneThatTakesNoJson(String accept) {
        assertThat(JsonAnswersOnly.acceptsJson(accept)).isFalse();
    }

    @Test
    void answersA406ProblemAndNeverCallsTheController() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.addHeader("Accept", "application/xml");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new JsonAnswersOnly().doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the controller was not called").isNull();
        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_NOT_ACCEPTABLE);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":406", "\"title\":\"Not Acceptable\"");
    }

    /** What Prometheus 2 and 3 send, and what curl -H 'Accept: text/plain' sends. */
    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5",
        "text/plain;version=0.0.4;q=0.3"})
    void letsThePrometheusScrapeAskForItsTextFormats(String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", JsonAnswersOnly.PROMETHEUS_SCRAPE);
        request.addHeader("Accept", accept);
        MockFilterChain chain = new MockFilterChain();

        new JsonAnswersOnly().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void anyOtherPathStillRefusesText() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        request.addHeader("Accept", "text/plain");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new JsonAnswersOnly().doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_NOT_ACCEPTABLE);
    }

    @Test
    void letsARequestWithoutAcceptThrough() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        new JsonAnswersOnly().doFilter(new MockHttpServletRequest("GET", "/actuator/health"),
                new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/console/", "/console/console.js", "/swagger-ui.html",
        "/swagger-ui/index.html", "/v3/api-docs.yaml"})
    void letsABrowserReadTheConsoleAndTheApiDocuments(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", "text/html");
        MockFilterChain chain = new MockFilterChain();

        new JsonAnswersOnly().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("the page was served").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /console", "GET /consoles", "GET /api/console", "POST /swagger-ui/index.html"})
    void screensEverythingElse(String target) throws Exception {
        String[] parts = target.split(" ");
        MockHttpServletRequest request = new MockHttpServletRequest(parts[0], parts[1]);
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new JsonAnswersOnly().doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_NOT_ACCEPTABLE);
    }
}
