package io.txlab.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitTest {

    private final BodySizeLimit limit = new BodySizeLimit();

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimitWithoutReadingIt() throws Exception {
        MockHttpServletRequest request = announcing(BodySizeLimit.MAX_BYTES + 1L);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413", "65536 bytes");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
        MockHttpServletRequest request = chunked(new byte[BodySizeLimit.MAX_BYTES + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void handsOnAChunkedBodyWithinTheLimitAsRead() throws Exception {
        byte[] body = "{\"requestId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8);
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(chunked(body), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(body.length);
    }

    @Test
    void letsABodyAtTheLimitThrough() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.setContent(new byte[BodySizeLimit.MAX_BYTES]);
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = announcing(-1);
        request.setContent(body);
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    /** A request whose Content-Length says this, whatever body it carries (-1: none announced). */
    private static MockHttpServletRequest announcing(long contentLength) {
        return new MockHttpServletRequest("POST", "/api/orders") {
            @Override
            public long getContentLengthLong() {
                return contentLength;
            }
        };
    }
}
