package io.txlab.tools.runner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The runner's own look at Redis: a PING over a plain socket. A frozen Redis (SIGSTOP, docker pause)
 * still lets the kernel accept the connection, but never answers: the read times out.
 */
final class RedisProbe {

    private final String host;
    private final int port;

    RedisProbe(String redisUrl) {
        URI uri = URI.create(redisUrl);
        this.host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        this.port = uri.getPort() == -1 ? 6379 : uri.getPort();
    }

    /** True when Redis answers PING with +PONG within {@code timeout}. */
    boolean answersPing(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = socket.getInputStream().readNBytes(5);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
