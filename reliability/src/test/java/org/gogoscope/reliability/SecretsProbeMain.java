package org.gogoscope.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * Child process of {@link SecretsTest}, run with every logger at DEBUG / FINEST: builds adapters through the
 * backends' {@link AdapterFactory} (ServiceLoader) from password-bearing configurations that fail (refused
 * port, wrong password on the real server, malformed values) and prints, per case,
 * {@code CASE <name> -> <exception class>}, the full stack trace with every cause's message, the adapter's and
 * the settings' {@code toString()}. The parent asserts that no secret appears anywhere in stdout or stderr.
 */
public final class SecretsProbeMain {

    /** Every secret contains this marker; the parent searches for it. */
    static final String MARKER = "S3cr3t";

    private SecretsProbeMain() {
    }

    /** The cases: name, backend, properties (relative to gogoscope.store.vault.). */
    static Map<String, Object[]> cases() {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("postgresql-refused", new Object[] {"postgresql", Map.of("jdbc.url",
                "jdbc:postgresql://127.0.0.1:1/test", "jdbc.user", "app", "jdbc.password", "pw-S3cr3t-1",
                "timeout", "1s")});
        cases.put("postgresql-url-password", new Object[] {"postgresql", Map.of("jdbc.url",
                "jdbc:postgresql://127.0.0.1:1/test?user=app&password=pw-S3cr3t-2", "timeout", "1s")});
        cases.put("postgresql-bad-pool-size", new Object[] {"postgresql", Map.of("jdbc.url",
                "jdbc:postgresql://127.0.0.1:5432/test?password=pw-S3cr3t-3", "jdbc.password", "pw-S3cr3t-4",
                "jdbc.pool-size", "many")});
        cases.put("mariadb-wrong-password", new Object[] {"mariadb", Map.of("jdbc.url",
                "jdbc:mariadb://127.0.0.1:3306/test", "jdbc.user", "root", "jdbc.password", "pw-S3cr3t-5",
                "timeout", "2s")});
        cases.put("mysql-driver-wrong-password", new Object[] {"mysql", Map.of("jdbc.url",
                "jdbc:mysql://127.0.0.1:3306/test", "jdbc.user", "root", "jdbc.password", "pw-S3cr3t-6",
                "timeout", "2s")});
        cases.put("mariadb-url-password", new Object[] {"mariadb", Map.of("jdbc.url",
                "jdbc:mariadb://127.0.0.1:1/test?user=root&password=pw-S3cr3t-7", "timeout", "1s")});
        // TLS key and trust store passwords in the URL (each driver's documented parameter names)
        cases.put("postgresql-url-sslpassword", new Object[] {"postgresql", Map.of("jdbc.url",
                "jdbc:postgresql://127.0.0.1:1/test?sslmode=verify-full&sslpassword=pw-S3cr3t-15", "timeout", "1s")});
        cases.put("mysql-driver-url-truststore-password", new Object[] {"mysql", Map.of("jdbc.url",
                "jdbc:mysql://127.0.0.1:1/test?sslMode=VERIFY_IDENTITY&trustCertificateKeyStorePassword=pw-S3cr3t-16"
                        + "&clientCertificateKeyStorePassword=pw-S3cr3t-17", "timeout", "1s")});
        cases.put("mariadb-url-keystore-passwords", new Object[] {"mariadb", Map.of("jdbc.url",
                "jdbc:mariadb://127.0.0.1:1/test?sslMode=verify-full&trustStorePassword=pw-S3cr3t-18"
                        + "&keyStorePassword=pw-S3cr3t-19", "timeout", "1s")});
        cases.put("redis-uri-credentials-refused", new Object[] {"redis", Map.of("redis.uri",
                "redis://app:pw-S3cr3t-8@127.0.0.1:1", "timeout", "1s")});
        cases.put("redis-password-rejected", new Object[] {"redis", Map.of("redis.uri", "redis://127.0.0.1:6379",
                "redis.user", "app", "redis.password", "pw-S3cr3t-9", "timeout", "1s")});
        cases.put("redis-malformed-uri", new Object[] {"redis", Map.of("redis.uri",
                "redis://app:pw-S3cr3t-10@127.0.0.1:notaport")});
        String trustStore = emptyTrustStore("pw-S3cr3t-15");
        cases.put("redis-tls-wrong-store-password", new Object[] {"redis", Map.of("redis.uri", "redis://127.0.0.1:1",
                "redis.tls", "true", "redis.tls.trust-store", trustStore, "redis.tls.trust-store-password",
                "pw-S3cr3t-16", "redis.password", "pw-S3cr3t-17")});
        cases.put("redis-tls-to-plaintext", new Object[] {"redis", Map.of("redis.uri", "redis://127.0.0.1:6379",
                "redis.tls", "true", "redis.tls.trust-store", trustStore, "redis.tls.trust-store-password",
                "pw-S3cr3t-15", "redis.user", "app", "redis.password", "pw-S3cr3t-18", "timeout", "1s")});
        cases.put("mongodb-uri-credentials-refused", new Object[] {"mongodb", Map.of("mongodb.uri",
                "mongodb://app:pw-S3cr3t-11@127.0.0.1:1/db", "timeout", "1s")});
        cases.put("mongodb-malformed-uri", new Object[] {"mongodb", Map.of("mongodb.uri",
                "mongodb://app:pw-S3cr3t-12@127.0.0.1:notaport/db")});
        cases.put("mongodb-bad-timeout", new Object[] {"mongodb", Map.of("mongodb.uri",
                "mongodb://app:pw-S3cr3t-13@127.0.0.1:1/db", "timeout", "soon")});
        cases.put("mongodb-wrong-password", new Object[] {"mongodb", Map.of("mongodb.uri",
                "mongodb://app:pw-S3cr3t-14@" + System.getProperty("mongo.hostport", "127.0.0.1:1") + "/db",
                "timeout", "1s")});
        // TLS store passwords and a URI password together: a trust store whose password is wrong, and TLS to the
        // plaintext stand-in (the handshake is not answered; the failure must name TLS and hold no password)
        cases.put("mongodb-tls-wrong-store-password", new Object[] {"mongodb", Map.of("mongodb.uri",
                "mongodb://app:pw-S3cr3t-20@127.0.0.1:1/db?tls=true", "mongodb.tls.trust-store", trustStore,
                "mongodb.tls.trust-store-password", "pw-S3cr3t-21")});
        cases.put("mongodb-tls-to-plaintext", new Object[] {"mongodb", Map.of("mongodb.uri",
                "mongodb://app:pw-S3cr3t-22@" + System.getProperty("mongo.hostport", "127.0.0.1:1")
                        + "/db?tls=true", "mongodb.tls.trust-store", trustStore, "mongodb.tls.trust-store-password",
                "pw-S3cr3t-15", "timeout", "1s")});
        return cases;
    }

    /** An empty PKCS12 trust store protected by {@code password}, in a temporary file (deleted on exit). */
    private static String emptyTrustStore(String password) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("secrets-probe-", ".p12");
            file.toFile().deleteOnExit();
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file.toString();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        cases().forEach((name, spec) -> {
            @SuppressWarnings("unchecked")
            Map<String, String> properties = (Map<String, String>) spec[1];
            AdapterSettings settings = AdapterSettings.forStore("vault",
                    full -> Optional.ofNullable(properties.get(full.substring("gogoscope.store.vault.".length()))));
            PersistenceAdapter adapter = null;
            String outcome;
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            try {
                adapter = factory((String) spec[0]).create((String) spec[0], settings);
                adapter.connect();
                adapter.cache().get("k", String.class);
                outcome = "no failure";
            } catch (RuntimeException e) {
                outcome = e.getClass().getName() + ": " + e.getMessage();
                e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
            } finally {
                if (adapter != null) {
                    adapter.disconnect();
                }
            }
            System.out.println("CASE " + name + " -> " + outcome);
            System.out.println(trace.toString(StandardCharsets.UTF_8));
            System.out.println("adapter=" + adapter + " settings=" + settings);
        });
        System.out.println("END");
    }

    private static AdapterFactory factory(String backend) {
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class)) {
            if (factory.backends().contains(backend)) {
                return factory;
            }
        }
        throw new IllegalStateException("no AdapterFactory for " + backend);
    }
}
