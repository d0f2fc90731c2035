package io.txlab.tools.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from the bytes of a connection as they arrive: the status line and headers, then a
 * body framed by Content-Length, by chunked transfer coding, or by the end of the connection. Informational
 * (1xx) responses are skipped. Not thread-safe: a connection's I/O thread owns it.
 */
final class ResponseReader {

    private enum Framing { LENGTH, CHUNKED, UNTIL_CLOSE }

    private byte[] bytes = new byte[1024];
    private int size;
    private boolean received;
    private boolean bodiless;
    private int bodyStart = -1;
    private int status;
    private Map<String, String> headers;
    private Framing framing;
    private int contentLength;

    /** Ready for the answer to a new request; {@code head}: a HEAD request, whose answer has no body. */
    void reset(boolean head) {
        size = 0;
        received = false;
        bodiless = head;
        bodyStart = -1;
        headers = null;
    }

    /** No byte of the answer came yet (an informational answer counts: the server read the request). */
    boolean nothingRead() {
        return !received;
    }

    void append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
        buffer.get(bytes, size, n);
        size += n;
        received |= n > 0;
    }

    /** The whole response once it is here, else null; {@code ended}: the server closed the connection. */
    KeepAliveHttp.Response response(boolean ended) throws IOException {
        while (bodyStart < 0 || status / 100 == 1) {
            if (bodyStart >= 0) {
                dropInformational();
            }
            if (!readHead()) {
                return null;
            }
        }
        String body = switch (framing) {
            case LENGTH -> size - bodyStart >= contentLength ? text(bodyStart, contentLength) : null;
            case CHUNKED -> dechunk();
            case UNTIL_CLOSE -> ended ? text(bodyStart, size - bodyStart) : null;
        };
        return body == null ? null : new KeepAliveHttp.Response(status, headers, body);
    }

    /** Whether the connection may carry the next request after {@code response}. */
    boolean keepAlive(KeepAliveHttp.Response response) {
        return framing != Framing.UNTIL_CLOSE && !"close".equalsIgnoreCase(response.header("Connection"));
    }

    private void dropInformational() {
        System.arraycopy(bytes, bodyStart, bytes, 0, size - bodyStart);
        size -= bodyStart;
        bodyStart = -1;
    }

    private boolean readHead() throws IOException {
        int end = indexOf("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, size);
        if (end < 0) {
            return false;
        }
        // split by hand: String.split compiles a Pattern for a two-character separator, on every response
        List<String> lines = lines(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
        String[] statusLine = lines.get(0).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + lines.get(0));
        }
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + lines.get(0), e);
        }
        headers = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        bodyStart = end + 4;
        framing(headers);
        return true;
    }

    private static List<String> lines(String head) {
        List<String> lines = new ArrayList<>(12);
        int from = 0;
        for (int end = head.indexOf("\r\n"); end >= 0; end = head.indexOf("\r\n", from)) {
            lines.add(head.substring(from, end));
            from = end + 2;
        }
        lines.add(head.substring(from));
        return lines;
    }

    private void framing(Map<String, String> head) throws IOException {
        if (bodiless || status == 204 || status == 304 || status / 100 == 1) {
            framing = Framing.LENGTH;
            contentLength = 0;
        } else if (head.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            framing = Framing.CHUNKED;
        } else if (head.containsKey("content-length")) {
            framing = Framing.LENGTH;
            try {
                contentLength = Integer.parseInt(head.get("content-length"));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + head.get("content-length"), e);
            }
            if (contentLength < 0) {
                throw new IOException("negative Content-Length: " + contentLength);
            }
        } else {
            framing = Framing.UNTIL_CLOSE;
        }
    }

    /** The body of a complete chunked message, or null while a chunk or the last one is missing. */
    private String dechunk() throws IOException {
        byte[] body = new byte[Math.max(0, size - bodyStart)];
        int length = 0;
        int at = bodyStart;
        while (true) {
            int lineEnd = indexOf(new byte[] {'\r', '\n'}, at, size);
            if (lineEnd < 0) {
                return null;
            }
            int chunk = chunkSize(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1));
            at = lineEnd + 2;
            if (chunk == 0) {
                // trailers, if any, end with an empty line
                int end = indexOf("\r\n".getBytes(StandardCharsets.ISO_8859_1), at, size);
                while (end > at) {
                    at = end + 2;
                    end = indexOf("\r\n".getBytes(StandardCharsets.ISO_8859_1), at, size);
                }
                return end < 0 ? null : new String(body, 0, length, StandardCharsets.UTF_8);
            }
            if (size - at < chunk + 2) {
                return null;
            }
            System.arraycopy(bytes, at, body, length, chunk);
            length += chunk;
            at += chunk + 2;
        }
    }

    private static int chunkSize(String line) throws IOException {
        int extension = line.indexOf(';');
        String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
        try {
            int size = Integer.parseInt(hex, 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + line, e);
        }
        throw new IOException("negative chunk size: " + line);
    }

    private String text(int from, int length) {
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    private int indexOf(byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
