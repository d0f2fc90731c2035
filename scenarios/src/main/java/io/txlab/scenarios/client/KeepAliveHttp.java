package io.txlab.scenarios.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    }

    private static final long TICK_MILLIS = 10;
    private static final long TICK_NANOS = TICK_MILLIS * 1_000_000;
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    static final int MAX_CONNECTING = 16;

    private final URI base;
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

    /** @param base {@code http://host:port}; requests name their path against it */
    public KeepAliveHttp(URI base, int maxConnections, Duration connectTimeout, Duration requestTimeout) {
        if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
            throw new IllegalArgumentException("not an http://host:port URL: " + base);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        this.base = base;
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
        Exchange exchange = new Exchange(method + " " + base + path, encode(method, path, headers, body));
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

    public URI base() {
        return base;
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

    private byte[] encode(String method, String path, Map<String, String> headers, String body) {
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
        return request;
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
            Connection connection = new Connection(channel);
            connection.connectDeadline = System.nanoTime() + connectTimeoutNanos;
            connection.connected = channel.connect(address);
            connection.key = channel.register(selector, 0, connection);
            open.add(connection);
            connecting += connection.connected ? 0 : 1;
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

    /** One request and its answer. */
    private static final class Exchange {
        final String description;
        final byte[] request;
        final boolean head;
        final CompletableFuture<Response> future = new CompletableFuture<>();
        long deadline;
        boolean resent;

        Exchange(String description, byte[] request) {
            this.description = description;
            this.request = request;
            this.head = description.startsWith("HEAD ");
        }

        void fail(String kind, String message, Throwable cause) {
            future.completeExceptionally(new NoAnswer(kind, description + ": " + message, cause));
        }
    }

    /** One socket; serves one exchange at a time (no pipelining). */
    private final class Connection {
        final SocketChannel channel;
        final ResponseReader reader = new ResponseReader();
        SelectionKey key;
        boolean connected;
        long connectDeadline;
        Exchange exchange;
        ByteBuffer out;
        boolean reused;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void start(Exchange next) {
            exchange = next;
            next.deadline = System.nanoTime() + requestTimeoutNanos;
            out = ByteBuffer.wrap(next.request);
            reader.reset(next.head);
            if (connected) {
                try {
                    write();
                } catch (IOException e) {
                    broken(e);
                }
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        }

        void finishConnect() throws IOException {
            if (!channel.finishConnect()) {
                return;
            }
            connected = true;
            connecting--;
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
        }

        void read() throws IOException {
            while (true) {
                readBuffer.clear();
                int n = channel.read(readBuffer);
                if (n == 0) {
                    return;
                }
                if (n < 0) {
                    ended();
                    return;
                }
                if (exchange == null) {
                    close("io", "the server sent bytes nobody asked for", null);
                    return;
                }
                readBuffer.flip();
                reader.append(readBuffer);
                Response response = reader.response(false);
                if (response != null) {
                    answered(response);
                    return;
                }
            }
        }

        /** The server closed the connection. */
        private void ended() throws IOException {
            if (exchange == null) {
                close("io", "closed while idle", null);
                return;
            }
            Response response = reader.response(true);
            if (response != null) {
                answered(response);
                close("io", "closed by the server", null);
                return;
            }
            throw new IOException("the server closed the connection before answering");
        }

        private void answered(Response response) {
            Exchange done = exchange;
            exchange = null;
            reused = true;
            // an answer that came before the whole request was written leaves the connection mid-request
            boolean keep = reader.keepAlive(response) && !out.hasRemaining();
            if (keep) {
                idle.addFirst(this);
            } else {
                close("io", "the server closes it", null);
            }
            done.future.complete(response);
        }

        /** An I/O error: resent once when a reused connection got no byte back, else the exchange fails. */
        void broken(IOException e) {
            Exchange current = exchange;
            if (current != null && reused && !current.resent && reader.nothingRead()) {
                exchange = null;
                current.resent = true;
                waiting.addFirst(current);
                close("io", "stale", e);
                return;
            }
            close("io", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }

        boolean lateAt(long now) {
            return exchange != null && (now - exchange.deadline > 0 || !connected && now - connectDeadline > 0);
        }

        void timedOut(long now) {
            if (!connected && now - connectDeadline > 0) {
                close("connect", "connect timed out", null);
            } else {
                close("timeout", "no answer within the request timeout", null);
            }
        }

        void close(String kind, String message, Throwable cause) {
            if (!connected && open.contains(this)) {
                connecting--;
            }
            open.remove(this);
            idle.remove(this);
            key.cancel();
            closeQuietly(channel);
            if (exchange != null) {
                Exchange failed = exchange;
                exchange = null;
                failed.fail(kind, message, cause);
            }
        }
    }
}
