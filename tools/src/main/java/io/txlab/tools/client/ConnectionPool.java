package io.txlab.tools.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The connections of a {@link KeepAliveHttp} and the requests waiting for one, owned by its I/O thread: a request
 * takes an idle connection, else a new one while fewer than {@code maxConnections} are open and fewer than
 * {@link KeepAliveHttp#MAX_CONNECTING} are being opened, else it waits.
 */
final class ConnectionPool implements Connection.Pool {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final InetSocketAddress address;
    private final Selector selector;
    private final int maxConnections;
    private final long connectTimeoutNanos;
    private final long requestTimeoutNanos;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final Set<Connection> open = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private int connecting;

    ConnectionPool(InetSocketAddress address, Selector selector, int maxConnections, long connectTimeoutNanos,
                   long requestTimeoutNanos) {
        this.address = address;
        this.selector = selector;
        this.maxConnections = maxConnections;
        this.connectTimeoutNanos = connectTimeoutNanos;
        this.requestTimeoutNanos = requestTimeoutNanos;
    }

    void submit(Exchange exchange) {
        waiting.add(exchange);
    }

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

    /** Hands waiting requests to connections while there are connections to be had. */
    void dispatchWaiting() {
        while (!waiting.isEmpty()) {
            Connection connection = idle.pollFirst();
            if (connection == null) {
                if (open.size() >= maxConnections || connecting >= KeepAliveHttp.MAX_CONNECTING) {
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

    /** Closes every connection whose request or connect is past its deadline. */
    void expire(long now) {
        List<Connection> late = new ArrayList<>();
        for (Connection connection : open) {
            if (connection.lateAt(now)) {
                late.add(connection);
            }
        }
        late.forEach(connection -> connection.timedOut(now));
    }

    /** Fails every waiting request and closes every connection (failing its request). */
    void failEverything(String kind, String message) {
        waiting.forEach(exchange -> exchange.fail(kind, message, null));
        waiting.clear();
        new ArrayList<>(open).forEach(connection -> connection.close(kind, message, null));
    }

    /** A new connection (connecting, or connected), or null when opening failed: the first waiting request fails. */
    private Connection connect() {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel, this, System.nanoTime() + connectTimeoutNanos);
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
}
