package io.txlab.tools.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One socket of a {@link KeepAliveHttp}: connects, writes one request, reads its answer, then goes back to its
 * pool or closes. One exchange at a time (no pipelining); every method runs on the client's I/O thread.
 */
final class Connection {

    /** What a connection tells the client it belongs to. */
    interface Pool {
        /** The read buffer shared by the I/O thread's connections. */
        ByteBuffer readBuffer();

        long requestTimeoutNanos();

        void connected(Connection connection);

        void idle(Connection connection);

        /** An exchange to send again, first, on another connection. */
        void resend(Exchange exchange);

        void closed(Connection connection);
    }

    private final SocketChannel channel;
    private final Pool pool;
    private final ResponseReader reader = new ResponseReader();
    private final long connectDeadline;
    private SelectionKey key;
    private boolean connected;
    private Exchange exchange;
    private ByteBuffer out;
    private boolean reused;

    Connection(SocketChannel channel, Pool pool, long connectDeadline) {
        this.channel = channel;
        this.pool = pool;
        this.connectDeadline = connectDeadline;
    }

    void registered(SelectionKey key, boolean connected) {
        this.key = key;
        this.connected = connected;
    }

    boolean connected() {
        return connected;
    }

    void start(Exchange next) {
        exchange = next;
        next.deadline = System.nanoTime() + pool.requestTimeoutNanos();
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
        pool.connected(this);
        write();
    }

    void write() throws IOException {
        channel.write(out);
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
    }

    void read() throws IOException {
        ByteBuffer readBuffer = pool.readBuffer();
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
            KeepAliveHttp.Response response = reader.response(false);
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
        KeepAliveHttp.Response response = reader.response(true);
        if (response != null) {
            answered(response);
            close("io", "closed by the server", null);
            return;
        }
        throw new IOException("the server closed the connection before answering");
    }

    private void answered(KeepAliveHttp.Response response) {
        Exchange done = exchange;
        exchange = null;
        reused = true;
        // an answer that came before the whole request was written leaves the connection mid-request
        boolean keep = reader.keepAlive(response) && !out.hasRemaining();
        if (keep) {
            pool.idle(this);
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
            pool.resend(current);
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
        pool.closed(this);
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // it is closed as far as we are concerned
        }
        if (exchange != null) {
            Exchange failed = exchange;
            exchange = null;
            failed.fail(kind, message, cause);
        }
    }
}
