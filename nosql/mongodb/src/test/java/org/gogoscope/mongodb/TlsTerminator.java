package org.gogoscope.mongodb;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gogoscope.testsupport.TestCertificates;

/**
 * A real TLS server in front of the stand-in, which speaks no TLS: {@code socat OPENSSL-LISTEN} on a free loopback
 * port, showing {@code certificate}, asking for a client certificate signed by the test CA when {@code
 * clientCertificate}, and forwarding the decrypted bytes to {@code target}. It stands in for mongod's own TLS: the
 * driver's handshake, trust and host name checks are real, the server side is OpenSSL in socat. Stopped by
 * {@link #close()} (with the per-connection children socat forks).
 */
final class TlsTerminator implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private TlsTerminator(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static TlsTerminator start(TestCertificates certificates, TestCertificates.Pair certificate,
            boolean clientCertificate, int target) throws Exception {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port may be taken meanwhile: try another
            int port = freePort();
            Path log = Files.createTempFile(certificates.dir, "socat-" + port + "-", ".log");
            List<String> command = new ArrayList<>(List.of("socat", "OPENSSL-LISTEN:" + port
                    + ",bind=127.0.0.1,reuseaddr,fork,cert=" + certificate.certificate() + ",key=" + certificate.key()
                    + ",cafile=" + certificates.ca + ",verify=" + (clientCertificate ? 1 : 0),
                    "TCP:127.0.0.1:" + target));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("OPENSSL_CONF", noTickets(certificates).toString());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (process.isAlive() && System.nanoTime() < deadline) {
                if (listening(port)) {
                    return new TlsTerminator(process, log, port);
                }
                Thread.sleep(20);
            }
            process.destroyForcibly();
            failure = new IllegalStateException("socat did not listen on " + port + ":\n" + Files.readString(log));
        }
        throw failure;
    }

    /**
     * An OpenSSL configuration that turns session tickets off. socat sets no session id context, and OpenSSL refuses
     * (internal_error) to resume a session without one when it verifies client certificates; the driver's second
     * connection would offer the ticket of its first. Without tickets every connection is a full handshake. (mongod
     * sets a session id context: this is about the stand-in terminator only.)
     */
    private static Path noTickets(TestCertificates certificates) throws IOException {
        Path file = certificates.dir.resolve("socat-openssl.cnf");
        if (!Files.exists(file)) {
            Files.writeString(file, "openssl_conf = default_conf\n[default_conf]\nssl_conf = ssl_sect\n[ssl_sect]\n"
                    + "system_default = system_default_sect\n[system_default_sect]\nOptions = -SessionTicket\n");
        }
        return file;
    }

    /** A plain TCP connect and close (socat's child for it fails its handshake and exits). */
    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What socat logged (its handshake errors), for a failing test's message. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        new File(log.toString()).delete();
    }
}
