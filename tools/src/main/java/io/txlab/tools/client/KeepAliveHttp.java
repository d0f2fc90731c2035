package io.txlab.tools.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

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

    /** No answer: {@code kind} is connect, timeout, io or interrupted. */
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
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    static final int MAX_CONNECTING = 16;

    private final InetSocketAddress address;
    private final int maxConnections;
    private final long connectTimeoutNanos;
    private final long requestTimeoutNanos;
    private final Selector selector;
    private final Queue<Exchange> submitted = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private volatile boolean closed;

    // owned by the I/O thread
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final Set<Connection> open = new HashSet<>();
    private int connecting;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private long lastExpiry = System.nanoTime();
    private final Connection.Pool pool = new Connection.Pool() {
        @Override
        public ByteBuffer readBuffer() {
            return readBuffer;
        }

        @Override
        public long requestTimeoutNanos() {
            return requestTimeoutNanos;
        }

        @Override
        public void connected(Connection connection) {
            connecting--;
        }

        @Override
        public void idle(Connection connection) {
            idle.addFirst(connection);
        }

        @Override
        public void resend(Exchange exchange) {
            waiting.addFirst(exchange);
        }

        @Override
        public void closed(Connection connection) {
            if (!connection.connected() && open.contains(connection)) {
                connecting--;
            }
            open.remove(connection);
            idle.remove(connection);
        }
    };

    /** @param base {@code http://host:port}; requests name their path against it */
    public KeepAliveHttp(URI base, int maxConnections, Duration connectTimeout, Duration requestTimeout) {
        if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
            throw new IllegalArgumentException("not an http://host:port URL: " + base);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.maxConnections = maxConnections;
        this.connectTimeoutNanos = connectTimeout.toNanos();
        this.requestTimeoutNanos = requestTimeout.toNanos();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
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

    /** As {@link #send}, waiting for the answer. */
    public Response exchange(String method, String path, Map<String, String> headers, String body) throws NoAnswer {
        return await(send(method, path, headers, body));
    }

    /** The answer of a future from {@link #send}, or its {@link NoAnswer}. */
    public static Response await(CompletableFuture<Response> future) throws NoAnswer {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoAnswer noAnswer) {
                throw noAnswer;
            }
            throw new NoAnswer("io", String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted", "interrupted while waiting for an answer", e);
        }
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
                    waiting.add(exchange);
                }
                long now = System.nanoTime();
                if (now - lastExpiry >= TICK_NANOS) {
                    expire(now);
                    lastExpiry = now;
                }
                dispatchWaiting();
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
            waiting.add(exchange);
        }
        waiting.forEach(exchange -> exchange.fail(kind, message, null));
        waiting.clear();
        new ArrayList<>(open).forEach(connection -> connection.close(kind, message, null));
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void dispatchWaiting() {
        while (!waiting.isEmpty()) {
            Connection connection = idle.pollFirst();
            if (connection == null) {
                if (open.size() >= maxConnections || connecting >= MAX_CONNECTING) {
                    return;
                }
                connection = connect();
                if (connection == null) {
                    continue;
                }
            }
            connection.start(waiting.pollFirst());
        }
    }

    /** A new connection (connecting, or connected), or null when opening failed: the first waiting request fails. */
    private Connection connect() {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel, pool, System.nanoTime() + connectTimeoutNanos);
            boolean connected = channel.connect(address);
            connection.registered(channel.register(selector, 0, connection), connected);
            open.add(connection);
            connecting += connected ? 0 : 1;
            return connection;
        } catch (IOException e) {
            closeQuietly(channel);
            waiting.pollFirst().fail("connect", "cannot connect to " + address + ": " + e.getMessage(), e);
            return null;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // it is closed as far as we are concerned
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

    private void expire(long now) {
        List<Connection> late = new ArrayList<>();
        for (Connection connection : open) {
            if (connection.lateAt(now)) {
                late.add(connection);
            }
        }
        late.forEach(connection -> connection.timedOut(now));
    }
}
