package io.txlab.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Port checks and free-port search on the loopback interface. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** Whether {@code port} can be bound on 127.0.0.1 (and, with {@code wildcard}, on all interfaces). */
    static boolean isFree(int port, boolean wildcard) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers themselves bind: a port whose last connections linger in TIME_WAIT (for a minute
            // after scripts/down.sh) is free to listen on; one another process listens on is not.
            socket.setReuseAddress(true);
            socket.bind(wildcard ? new InetSocketAddress(port) : new InetSocketAddress(loopback(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(String part, int port, boolean wildcard) {
        if (!isFree(port, wildcard)) {
            throw new DevStackException(part + " port " + port + " is already in use"
                    + (wildcard ? " (it binds on all interfaces)" : " on " + LOOPBACK));
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Picks distinct free ports, none of them in {@code taken}; the chosen ones are added to it. */
    static int pickFree(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ephemeral();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new DevStackException("could not find a free port on " + LOOPBACK);
    }

    /**
     * Picks a broker listen port p such that p, p-2 (fast remoting server) and p+1 (HA service, bound on
     * all interfaces) are free and not in {@code taken}; all three are added to it.
     */
    static int pickFreeBrokerPort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ephemeral();
            Set<Integer> trio = Set.of(port, BrokerPorts.fast(port), BrokerPorts.ha(port));
            if (BrokerPorts.fast(port) > 1024 && BrokerPorts.ha(port) <= 65535
                    && trio.stream().noneMatch(taken::contains)
                    && isFree(BrokerPorts.fast(port), false) && isFree(BrokerPorts.ha(port), true)) {
                taken.addAll(trio);
                return port;
            }
        }
        throw new DevStackException("could not find three free ports for the RocketMQ broker on " + LOOPBACK);
    }

    static Set<Integer> newTakenSet() {
        return new HashSet<>();
    }

    private static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevStackException("could not find a free port on " + LOOPBACK, e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
