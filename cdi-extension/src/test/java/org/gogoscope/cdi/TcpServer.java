package org.gogoscope.cdi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A real listening socket on a free local port for the {@code tcp} test backend; closed by the test. */
final class TcpServer implements AutoCloseable {

    private final ServerSocket socket;

    TcpServer() {
        try {
            socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** An address nobody listens on: a port that was free a moment ago. */
    static String deadAddress() {
        try (TcpServer server = new TcpServer()) {
            return server.address();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
