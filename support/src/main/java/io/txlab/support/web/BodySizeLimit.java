package io.txlab.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@link #MAX_BYTES} with a 413 problem before anything reads it: at once
 * when its Content-Length says so; a chunked body, which announces no length, is read up to one byte past
 * the limit here, and the controller gets the bytes read. So no request makes a service read or hold more.
 */
final class BodySizeLimit extends OncePerRequestFilter {

    /** Every body this API takes is well under 1 KB; 64 KB leaves room and still bounds what one request costs. */
    static final int MAX_BYTES = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body;
            try {
                body = request.getInputStream().readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "the chunked body could not be read");
                return;
            }
            if (body.length > MAX_BYTES) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String tooLarge() {
        return "a request body may hold at most " + MAX_BYTES + " bytes";
    }

    /** The rest of a refused body stays unread: the connection is closed rather than drained. */
    private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemJson.write(response, status, detail);
    }

    /** The request with its body already read into memory (at most {@link #MAX_BYTES}). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
