package org.gogoscope.cdi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real listening socket on a free local port for the {@code tcp} test backend. One thread accepts
 * connections and counts those the client has not closed yet, so tests can see connections from the server's
 * side. Closed by the test.
 */
final class TcpServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread loop;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running = true;

    TcpServer() {
        try {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = new Thread(this::serve, "tcp-test-server");
        loop.setDaemon(true);
        loop.start();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        while (running) {
            try {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel client = server.accept();
                        if (client != null) {
                            client.configureBlocking(false);
                            client.register(selector, SelectionKey.OP_READ);
                            open.incrementAndGet();
                        }
                    } else if (key.isReadable()) {
                        buffer.clear();
                        if (((SocketChannel) key.channel()).read(buffer) < 0) {
                            key.channel().close();
                            open.decrementAndGet();
                        }
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                throw new UncheckedIOException("tcp test server failed", e);
            }
        }
    }

    String address() {
        return "127.0.0.1:" + server.socket().getLocalPort();
    }

    /** Connections accepted and not yet closed by the client. */
    int openConnections() {
        return open.get();
    }

    /** An address nobody listens on: a port that was free a moment ago. */
    static String deadAddress() {
        try (TcpServer server = new TcpServer()) {
            return server.address();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
