package io.txlab.tools.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One request of a {@link KeepAliveHttp} and its answer; owned by the client's I/O thread once submitted. */
final class Exchange {
    final String description;
    final byte[] request;
    final boolean head;
    final CompletableFuture<KeepAliveHttp.Response> future = new CompletableFuture<>();
    long deadline;
    boolean resent;

    private Exchange(String description, byte[] request, boolean head) {
        this.description = description;
        this.request = request;
        this.head = head;
    }

    /** The request's bytes on the wire; {@code body} null for none. */
    static Exchange of(InetSocketAddress address, String method, String path, Map<String, String> headers,
                       String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128 + path.length()).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(address.getHostString()).append(':').append(address.getPort())
                .append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null || !"GET".equals(method)) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return new Exchange(method + " http://" + address.getHostString() + ":" + address.getPort() + path, request,
                "HEAD".equals(method));
    }

    void fail(String kind, String message, Throwable cause) {
        future.completeExceptionally(new KeepAliveHttp.NoAnswer(kind, description + ": " + message, cause));
    }
}
