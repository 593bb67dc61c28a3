package org.gogoscope.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place the project's TLS tests get their certificates from: every backend's TLS test (Redis and MongoDB in
 * their modules, PostgreSQL and MariaDB/MySQL in reliability) uses this class; do not add another.
 *
 * <p>{@link #create()} makes them at run time with {@code openssl} (on the machine), RSA 2048 keys (which every
 * server and driver involved accepts: PostgreSQL/pgJDBC, MariaDB with both Connector/Js, Redis, socat in front of
 * MongoDB, the JDK), valid for two days, in a temporary directory ({@link #dir}) that {@link #close()} deletes:
 * <ul>
 * <li>{@link #ca}: the test's certificate authority (PEM; {@code basicConstraints} critical {@code CA:TRUE}), and
 * {@link #trustStore} holding it;</li>
 * <li>{@link #otherCa}: an unrelated CA nobody trusts, and {@link #otherCaTrustStore} holding only it: a client
 * trusting it instead of {@link #ca} finds the server's certificate untrusted;</li>
 * <li>{@link #adminTrustStore} holding both CAs, for a test's own admin connections to servers showing either;</li>
 * <li>{@link #server}: signed by {@link #ca} for {@code DNS:localhost} and {@code IP:127.0.0.1};</li>
 * <li>{@link #wrongHost}: signed by {@link #ca}, but for {@code DNS:wrong.example.invalid} only;</li>
 * <li>{@link #untrusted}: for the right names, but signed by {@link #otherCa};</li>
 * <li>{@link #client}: a client certificate for {@link #CLIENT} (also a database user name) signed by
 * {@link #ca}; its key also as encrypted PKCS-8 DER ({@link #clientPk8}, pgJDBC's format, PBE-SHA1-3DES) and both
 * in a PKCS12 key store ({@link #keyStore}), protected by {@link #KEY_PASSWORD}.</li>
 * </ul>
 * The three trust stores are PKCS12 with password {@link #TRUST_PASSWORD}. The server certificates carry
 * {@code extendedKeyUsage=serverAuth,clientAuth} (a Redis server shows its certificate as a client too: replicas,
 * sentinels, the cluster bus); the client certificate {@code clientAuth}.
 */
public final class TestCertificates implements AutoCloseable {

    /** The password of the trust stores (a test secret: tests check it never shows in a message). */
    public static final String TRUST_PASSWORD = "trust-S3cr3t-4711";

    /** The password of the client's key store and encrypted PKCS-8 key (a test secret, as above). */
    public static final String KEY_PASSWORD = "key-S3cr3t-0815";

    /** The client certificate's common name: the user a database maps it to. */
    public static final String CLIENT = "gogo_tls_client";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate and its unencrypted private key, PEM files. */
    public record Pair(Path certificate, Path key) {
    }

    /** The temporary directory everything is in (tests may put their own files here; deleted by close). */
    public final Path dir;
    public final Path ca;
    public final Path otherCa;
    public final Pair server;
    public final Pair wrongHost;
    public final Pair untrusted;
    public final Pair client;
    /** The client's key, encrypted PKCS-8 DER with {@link #KEY_PASSWORD} (pgJDBC's {@code sslkey}). */
    public final Path clientPk8;
    /** PKCS12 trust store holding {@link #ca}. */
    public final Path trustStore;
    /** PKCS12 trust store holding {@link #otherCa} only. */
    public final Path otherCaTrustStore;
    /** PKCS12 trust store holding both CAs: for the tests' own admin connections. */
    public final Path adminTrustStore;
    /** PKCS12 key store holding {@link #client} and its key, password {@link #KEY_PASSWORD}. */
    public final Path keyStore;

    private TestCertificates(Path dir) throws Exception {
        this.dir = dir;
        ca = authority("ca", "gogoscope test CA");
        otherCa = authority("other-ca", "gogoscope unknown CA");
        String serverUsage = "extendedKeyUsage=serverAuth,clientAuth";
        server = signed("server", "localhost", "ca", "subjectAltName=DNS:localhost,IP:127.0.0.1", serverUsage);
        wrongHost = signed("wrong-host", "wrong.example.invalid", "ca", "subjectAltName=DNS:wrong.example.invalid",
                serverUsage);
        untrusted = signed("untrusted", "localhost", "other-ca", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                serverUsage);
        client = signed("client", CLIENT, "ca", "extendedKeyUsage=clientAuth");
        clientPk8 = dir.resolve("client.pk8");
        run("openssl", "pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-in", "client.key", "-outform", "DER", "-out",
                clientPk8.toString(), "-passout", "pass:" + KEY_PASSWORD);
        keyStore = dir.resolve("client.p12");
        run("openssl", "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name", "client", "-out",
                keyStore.toString(), "-passout", "pass:" + KEY_PASSWORD);
        trustStore = writeTrustStore("truststore.p12", ca);
        otherCaTrustStore = writeTrustStore("other-ca.p12", otherCa);
        adminTrustStore = writeTrustStore("admin-trust.p12", ca, otherCa);
    }

    /** Makes them all in a new temporary directory (about a second: a few {@code openssl} runs). */
    public static TestCertificates create() throws Exception {
        return new TestCertificates(Files.createTempDirectory("gogoscope-tls-"));
    }

    private Path authority(String name, String commonName) throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", name + ".key",
                "-out", name + ".crt", "-subj", "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return dir.resolve(name + ".crt");
    }

    private Pair signed(String name, String commonName, String caName, String... extensions) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), String.join("\n", extensions) + "\n");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + commonName);
        run("openssl", "x509", "-req", "-in", name + ".csr", "-CA", caName + ".crt", "-CAkey", caName + ".key",
                "-set_serial", String.valueOf(SERIAL.incrementAndGet()), "-days", "2", "-out", name + ".crt",
                "-extfile", name + ".ext");
        return new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
    }

    private Path writeTrustStore(String name, Path... certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        int i = 0;
        for (Path file : certificates) {
            try (InputStream in = Files.newInputStream(file)) {
                store.setCertificateEntry("ca-" + i++, factory.generateCertificate(in));
            }
        }
        Path path = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, TRUST_PASSWORD.toCharArray());
        }
        return path;
    }

    private void run(String... command) throws Exception {
        File log = dir.resolve("openssl.log").toFile();
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + command[0] + " " + command[1] + "\n"
                    + Files.readString(log.toPath()));
        }
    }

    @Override
    public void close() {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
