package org.gogoscope.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates a TLS test makes for itself with {@code openssl} and {@code keytool} (both on the machine), valid
 * for two days, in a temporary directory that {@link #close()} deletes:
 * <ul>
 * <li>{@link #ca()}: the test's certificate authority (PEM), and {@link #caTrustStore()} holding it (PKCS12,
 * password {@link #TRUST_STORE_PASSWORD});</li>
 * <li>{@link #server()}: a server certificate signed by it for {@code IP:127.0.0.1} and {@code DNS:localhost};</li>
 * <li>{@link #wrongHost()}: signed by the same CA, but for {@code DNS:db.example.invalid} only;</li>
 * <li>{@link #otherCa()}: an unrelated CA (and {@link #otherCaTrustStore()}): trusting it instead of
 * {@link #ca()} makes the server's certificate untrusted;</li>
 * <li>a client certificate for {@link #CLIENT} signed by the CA: PEM ({@link #client()}), its key also as
 * encrypted PKCS-8 DER ({@link #clientPk8()}, pgJDBC's format) and both in PKCS12 ({@link #clientKeyStore()}),
 * protected by {@link #CLIENT_KEY_PASSWORD}.</li>
 * </ul>
 */
final class TestCertificates implements AutoCloseable {

    /** The password of both PKCS12 trust stores (a test secret: tests check it never shows in messages). */
    static final String TRUST_STORE_PASSWORD = "tls-S3cr3t-store";

    /** The user name (certificate CN) of the client certificate. */
    static final String CLIENT = "gogo_tls_client";

    /** The password of the client's encrypted key and key store (a test secret). */
    static final String CLIENT_KEY_PASSWORD = "client-S3cr3t-key";

    /** A certificate and its unencrypted private key (PEM files). */
    record Pair(Path certificate, Path key) {
    }

    private final Path dir;

    TestCertificates() throws Exception {
        dir = Files.createTempDirectory("gogoscope-tls-");
        authority("ca");
        authority("other-ca");
        signed("server", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        signed("wrong-host", "subjectAltName=DNS:db.example.invalid");
        trustStore("ca");
        trustStore("other-ca");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr",
                "-subj", "/CN=" + CLIENT);
        run("openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial",
                String.valueOf(System.nanoTime()), "-days", "2", "-out", "client.pem", "-extfile", "client.ext");
        run("openssl", "pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-in", "client.key", "-outform", "DER",
                "-out", "client.pk8", "-passout", "pass:" + CLIENT_KEY_PASSWORD);
        run("openssl", "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-name", "client",
                "-out", "client.p12", "-passout", "pass:" + CLIENT_KEY_PASSWORD);
    }

    Path client() {
        return dir.resolve("client.pem");
    }

    Path clientPk8() {
        return dir.resolve("client.pk8");
    }

    Path clientKeyStore() {
        return dir.resolve("client.p12");
    }

    Path ca() {
        return dir.resolve("ca.pem");
    }

    Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    Path caTrustStore() {
        return dir.resolve("ca.p12");
    }

    Path otherCaTrustStore() {
        return dir.resolve("other-ca.p12");
    }

    Pair server() {
        return new Pair(dir.resolve("server.pem"), dir.resolve("server.key"));
    }

    Pair wrongHost() {
        return new Pair(dir.resolve("wrong-host.pem"), dir.resolve("wrong-host.key"));
    }

    private void authority(String name) throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", name + ".key",
                "-out", name + ".pem", "-subj", "/CN=gogoscope test " + name, "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String subjectAltName) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), subjectAltName + "\nextendedKeyUsage=serverAuth\n");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=gogoscope test " + name);
        run("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial",
                String.valueOf(System.nanoTime()), "-days", "2", "-out", name + ".pem", "-extfile", name + ".ext");
    }

    private void trustStore(String name) throws Exception {
        run("keytool", "-importcert", "-noprompt", "-alias", name, "-file", name + ".pem", "-keystore", name + ".p12",
                "-storetype", "PKCS12", "-storepass", TRUST_STORE_PASSWORD);
    }

    private void run(String... command) throws Exception {
        File log = dir.resolve("openssl.log").toFile();
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n"
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
