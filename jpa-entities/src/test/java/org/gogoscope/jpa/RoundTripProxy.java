package org.gogoscope.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a database server that counts round trips: each time the client sends after the
 * server last spoke is one request. This measures the wire, so a driver's hidden extra exchange (a SET, a
 * SELECT LAST_INSERT_ID(), a COMMIT) shows up. {@link #cut()} drops every connection and refuses new ones,
 * like a server that went away.
 */
final class RoundTripProxy implements AutoCloseable {

    final AtomicInteger roundTrips = new AtomicInteger();
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean clientTurn;
    private volatile boolean silent;

    RoundTripProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::acceptLoop, "round-trip-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on, accept connections but never answer (a hung server): drivers must time out. */
    void goSilent() {
        silent = true;
        cut();
    }

    /** Answers again: new connections reach the server. */
    void recover() {
        silent = false;
    }

    /** Drops every open connection. */
    void cut() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (silent) {
                    continue; // keep it open, say nothing
                }
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // server closed or upstream refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (fromClient) {
                        if (!clientTurn) {
                            clientTurn = true;
                            roundTrips.incrementAndGet();
                        }
                    } else {
                        clientTurn = false;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection closed
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "round-trip-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
