package io.txlab.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request goes out byte for byte as built,
 * so a test can send what java.net.http refuses or normalises (a raw {@code |} or {@code %ZZ} in the path,
 * {@code ..;}, a Content-Length that lies, a chunked body, TRACE).
 */
public final class RawHttp {

    private static final int TIMEOUT_MS = 15_000;
    private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private RawHttp() {
    }

    /** A request as it goes on the wire; {@code target} is sent exactly as given. */
    public record Request(String method, String target, List<String> headers, byte[] body, boolean chunked) {

        public static Request of(String method, String target) {
            return new Request(method, target, List.of(), null, false);
        }

        public Request header(String name, String value) {
            List<String> more = new ArrayList<>(headers);
            more.add(name + ": " + value);
            return new Request(method, target, List.copyOf(more), body, chunked);
        }

        /** A body sent with its Content-Length. */
        public Request body(byte[] bytes) {
            return new Request(method, target, headers, bytes, false);
        }

        public Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** A JSON body: Content-Type application/json and its Content-Length. */
        public Request json(String json) {
            return header("Content-Type", "application/json").body(json);
        }

        /** The body in chunks of 8 KB (Transfer-Encoding: chunked), with no Content-Length. */
        public Request chunked(byte[] bytes) {
            return new Request(method, target, headers, bytes, true);
        }

        byte[] bytes(String hostAndPort) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(hostAndPort).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            boolean announcesLength = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length:"));
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null && !announcesLength) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null && chunked) {
                for (int from = 0; from < body.length; from += 8192) {
                    int length = Math.min(8192, body.length - from);
                    out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, from, length);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }
    }

    /** @param headers names in lower case */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /**
     * Sends the request to 127.0.0.1:port and reads one answer, by its Content-Length or its chunks: a server
     * that refused a body it did not read may keep the connection open a while before it closes it.
     */
    public static Response send(int port, Request request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes("127.0.0.1:" + port));
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before it has read a body it refuses (413): read its answer.
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int headEnd;
        while ((headEnd = indexOf(received.toByteArray(), CRLF_CRLF, 0)) < 0) {
            if (!readSome(in, received)) {
                throw new IllegalStateException("no HTTP response head in " + received.size() + " bytes: "
                        + received.toString(StandardCharsets.ISO_8859_1));
            }
        }
        String[] lines = new String(received.toByteArray(), 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int bodyStart = headEnd + CRLF_CRLF.length;
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        String length = headers.get("content-length");
        while (true) {
            byte[] sofar = received.toByteArray();
            if (length != null && sofar.length - bodyStart >= Integer.parseInt(length)) {
                break;
            }
            if (chunked && indexOf(sofar, "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), bodyStart - 2) >= 0) {
                break;
            }
            if (!readSome(in, received)) {
                break;
            }
        }
        byte[] body = Arrays.copyOfRange(received.toByteArray(), bodyStart, received.size());
        if (length != null) {
            body = Arrays.copyOf(body, Integer.parseInt(length));
        } else if (chunked) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static boolean readSome(InputStream in, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[8192];
        int read = in.read(buffer);
        if (read < 0) {
            return false;
        }
        into.write(buffer, 0, read);
        return true;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
