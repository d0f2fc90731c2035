package io.txlab.tools.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HTTP/1.1 to one server over keep-alive connections, every socket on one NIO selector thread. It is the
 * transport of TxLab's HTTP clients: light enough (a few system calls per request, no thread per request) for
 * the load driver to offer thousands of requests a second beside the platform on the same two cores.
 *
 * <p>A request takes an idle connection, else opens one while fewer than {@code maxConnections} are open, else
 * waits for one; at most {@value #MAX_CONNECTING} connections are being opened at once, so that a burst of requests
 * does not overflow the server's listen backlog (a dropped SYN is retried by the kernel only after a second or
 * more). The request timeout runs from the moment a request is handed to a connection, as with the JDK's
 * client: a caller that measures latency from its own intended send time sees the wait for a connection there.
 * A request sent on a reused connection that the server had closed (keep-alive timeout,
 * {@code maxKeepAliveRequests}) and that got no byte back is sent once more on a new connection: the server
 * never read it. Futures complete on the I/O thread: callbacks must be short.
 */
public final class KeepAliveHttp implements AutoCloseable {

    /** An answer; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    /** No answer: {@code kind} is connect, timeout or io. */
    public static final class NoAnswer extends IOException {
        private final String kind;

        NoAnswer(String kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }

        /** The error kind of a failed future: its NoAnswer's kind, else "exception" and the cause's class. */
        public static String kindOf(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof NoAnswer none ? none.kind() : "exception " + cause.getClass().getSimpleName();
        }
    }

    private static final long TICK_MILLIS = 10;
    private static final long TICK_NANOS = TICK_MILLIS * 1_000_000;
    static final int MAX_CONNECTING = 16;

    private final InetSocketAddress address;
    private final Selector selector;
    private final Queue<Exchange> submitted = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean closed;

    // owned by the I/O thread
    private final ConnectionPool pool;
    private long lastExpiry = System.nanoTime();

    /** @param base {@code http://host:port}; requests name their path against it */
    public KeepAliveHttp(URI base, int maxConnections, Duration connectTimeout, Duration requestTimeout) {
        if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
            throw new IllegalArgumentException("not an http://host:port URL: " + base);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
        this.pool = new ConnectionPool(address, selector, maxConnections, connectTimeout.toNanos(),
                requestTimeout.toNanos());
        this.loop = new Thread(this::run, "http-" + base.getPort());
        loop.setDaemon(true);
        loop.start();
    }

    /** Sends a request; {@code body} null for none. The future fails with {@link NoAnswer}. */
    public CompletableFuture<Response> send(String method, String path, Map<String, String> headers, String body) {
        Exchange exchange = Exchange.of(address, method, path, headers, body);
        submitted.add(exchange);
        selector.wakeup();
        if (closed) {
            // the I/O thread may have drained the queue before this request joined it
            for (Exchange left = submitted.poll(); left != null; left = submitted.poll()) {
                left.fail("io", "the client is closed", null);
            }
        }
        return exchange.future;
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(this::ready, TICK_MILLIS);
                for (Exchange exchange = submitted.poll(); exchange != null; exchange = submitted.poll()) {
                    pool.submit(exchange);
                }
                long now = System.nanoTime();
                if (now - lastExpiry >= TICK_NANOS) {
                    pool.expire(now);
                    lastExpiry = now;
                }
                pool.dispatchWaiting();
            }
        } catch (IOException | RuntimeException e) {
            failEverything("io", "the client's I/O thread stopped: " + e);
            return;
        }
        failEverything("io", "the client is closed");
    }

    private void failEverything(String kind, String message) {
        closed = true;
        for (Exchange exchange = submitted.poll(); exchange != null; exchange = submitted.poll()) {
            pool.submit(exchange);
        }
        pool.failEverything(kind, message);
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void ready(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isConnectable()) {
                connection.finishConnect();
            } else {
                if (key.isWritable()) {
                    connection.write();
                }
                if (key.isValid() && key.isReadable()) {
                    connection.read();
                }
            }
        } catch (ConnectException e) {
            connection.close("connect", "cannot connect to " + address + ": " + e.getMessage(), e);
        } catch (IOException e) {
            connection.broken(e);
        } catch (RuntimeException e) {
            // a defect on one connection fails its request, never the client
            connection.close("io", "unreadable answer: " + e, e);
        }
    }
}
