package org.gogoscope.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at run time with {@code openssl} (EC P-256, valid 2 days) in a temporary directory: a test CA;
 * a server certificate for {@code localhost} and {@code 127.0.0.1} (subject alternative names); one for another
 * host name only, signed by the same CA; one for the right names signed by a CA nobody trusts; a client
 * certificate. Plus the Java stores a client is configured with: a PKCS12 trust store holding the CA, and a PKCS12
 * key store holding the client certificate and key, each with a password; and a PKCS12 trust store holding both
 * CAs, for a test's own admin connections. Shared by the backends' TLS tests (Redis, MongoDB).
 */
public final class TestCertificates implements AutoCloseable {

    public static final String TRUST_PASSWORD = "trust-Pw-4711";
    public static final String KEY_PASSWORD = "key-Pw-0815";

    /** A certificate and its private key, PEM files. */
    public record Pair(Path certificate, Path key) {
    }

    public final Path dir;
    public final Path ca;
    public final Pair server;
    public final Pair wrongHost;
    public final Pair untrusted;
    public final Pair client;
    public final Path trustStore;
    public final Path keyStore;
    /** A PKCS12 trust store (password {@link #TRUST_PASSWORD}) holding both CAs: for the tests' own admin connections. */
    public final Path adminTrustStore;

    private TestCertificates(Path dir) throws Exception {
        this.dir = dir;
        ca = selfSigned("ca", "gogoscope test CA");
        Path otherCa = selfSigned("other-ca", "an unknown CA");
        server = signed("server", "localhost", "DNS:localhost,IP:127.0.0.1", "ca");
        wrongHost = signed("wrong-host", "wrong.example.invalid", "DNS:wrong.example.invalid", "ca");
        untrusted = signed("untrusted", "localhost", "DNS:localhost,IP:127.0.0.1", "other-ca");
        client = signed("client", "gogoscope-client", null, "ca");
        trustStore = dir.resolve("truststore.p12");
        writeTrustStore(trustStore, TRUST_PASSWORD, ca);
        keyStore = dir.resolve("client.p12");
        openssl("pkcs12", "-export", "-in", client.certificate().toString(), "-inkey", client.key().toString(),
                "-name", "client", "-out", keyStore.toString(), "-passout", "pass:" + KEY_PASSWORD);
        adminTrustStore = dir.resolve("admin-trust.p12");
        writeTrustStore(adminTrustStore, TRUST_PASSWORD, ca, otherCa);
    }

    /** Makes them all in a new temporary directory (about a second: a few {@code openssl} runs). */
    public static TestCertificates create() throws Exception {
        return new TestCertificates(Files.createTempDirectory("gogoscope-tls-"));
    }

    private Path selfSigned(String name, String commonName) throws Exception {
        Path certificate = dir.resolve(name + ".crt");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                dir.resolve(name + ".key").toString(), "-out", certificate.toString(), "-days", "2", "-subj",
                "/CN=" + commonName);
        return certificate;
    }

    private Pair signed(String name, String commonName, String altNames, String caName) throws Exception {
        Path key = dir.resolve(name + ".key");
        Path request = dir.resolve(name + ".csr");
        Path certificate = dir.resolve(name + ".crt");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                key.toString(), "-out", request.toString(), "-subj", "/CN=" + commonName);
        List<String> sign = new ArrayList<>(List.of("x509", "-req", "-in", request.toString(), "-CA",
                dir.resolve(caName + ".crt").toString(), "-CAkey", dir.resolve(caName + ".key").toString(),
                "-CAcreateserial", "-out", certificate.toString(), "-days", "2"));
        if (altNames != null) {
            Path extensions = dir.resolve(name + ".ext");
            Files.writeString(extensions, "subjectAltName=" + altNames + "\n");
            sign.addAll(List.of("-extfile", extensions.toString()));
        }
        openssl(sign.toArray(String[]::new));
        return new Pair(certificate, key);
    }

    private static void writeTrustStore(Path store, String password, Path... certificates) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        int i = 0;
        for (Path file : certificates) {
            try (InputStream in = Files.newInputStream(file)) {
                Certificate certificate = factory.generateCertificate(in);
                keyStore.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, password.toCharArray());
        }
    }

    private void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        File log = dir.resolve("openssl.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl " + arguments[0] + " failed:\n" + Files.readString(log.toPath()));
        }
    }

    @Override
    public void close() {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
