package io.txlab.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomeoneListensOnIsNotFree() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(Ports.isFree(listener.getLocalPort(), false)).isFalse();
        }
    }

    /** What scripts/down.sh leaves for a minute: the port's closed connections in TIME_WAIT, no listener. */
    @Test
    void aPortWithOnlyClosedConnectionsLeftIsFree() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            port = listener.getLocalPort();
            try (Socket client = new Socket(Ports.LOOPBACK, port); Socket accepted = listener.accept()) {
                accepted.close(); // the server side closes first: its end of the connection goes to TIME_WAIT
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }

        assertThat(Ports.isFree(port, false)).isTrue();
    }
}
