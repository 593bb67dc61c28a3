package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterSettings;
import org.gogoscope.core.tls.TlsStores;
import org.gogoscope.testsupport.ExceptionChain;
import org.gogoscope.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What TLS accepts and refuses, through TLS terminators (socat, see {@link TlsTerminator}) in front of the stand-in
 * that show the right certificate, one for another host name, one signed by an unknown CA, and the right one while
 * asking for a client certificate; and plaintext to a TLS port. Every refusal is a {@link BackendException} from
 * {@code connect()} naming TLS, within the timeout, without a password in it. Also the {@code mongodb.tls.*}
 * properties: they configure a working store, and unreadable stores or stores without TLS are configuration errors
 * that hide the passwords.
 */
class MongoTlsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    /** The timeout plus generous slack for a loaded 2-core machine. */
    private static final long BOUND_MILLIS = TIMEOUT.toMillis() + 4_000;

    private static TestCertificates certificates;
    private static TlsTerminator good;
    private static TlsTerminator wrongHost;
    private static TlsTerminator untrusted;
    private static TlsTerminator mutual;

    @BeforeAll
    static void startTerminators() throws Exception {
        certificates = TestCertificates.create();
        int target = InProcessMongo.port();
        good = TlsTerminator.start(certificates, certificates.server, false, target);
        wrongHost = TlsTerminator.start(certificates, certificates.wrongHost, false, target);
        untrusted = TlsTerminator.start(certificates, certificates.untrusted, false, target);
        mutual = TlsTerminator.start(certificates, certificates.server, true, target);
    }

    @AfterAll
    static void stopTerminators() {
        for (AutoCloseable closeable : new AutoCloseable[] {good, wrongHost, untrusted, mutual, certificates}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static TlsStores trust() {
        return TlsStores.jvmDefaults().withTrustStore(certificates.trustStore, TestCertificates.TRUST_PASSWORD,
                "PKCS12");
    }

    private static MongoAdapter adapter(String uri, TlsStores stores) {
        return new MongoAdapter(MongoConfig.of(uri, "test").withTimeout(TIMEOUT).withTls(stores), "tls-test:");
    }

    private static String tlsUri(String host, TlsTerminator terminator, String options) {
        return "mongodb://" + host + ":" + terminator.port + "/?tls=true" + options;
    }

    /**
     * {@code connect} throws a BackendException starting with {@code start}, in time, without a secret anywhere in
     * its chain (causes and suppressed exceptions included).
     */
    private static void refused(PersistenceAdapter adapter, String start) {
        long began = System.nanoTime();
        Throwable thrown = catchThrowable(adapter::connect);
        assertThat(thrown).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: mongodb connect failed: " + start);
        noSecretInChain(thrown);
        assertThat((System.nanoTime() - began) / 1_000_000).as("refused within the timeout").isLessThan(BOUND_MILLIS);
        assertThat(adapter.isConnected()).isFalse();
    }

    /** Neither password anywhere in {@code error}'s chain: the message, causes and suppressed exceptions. */
    private static void noSecretInChain(Throwable error) {
        ExceptionChain.holdsNone(error, TestCertificates.TRUST_PASSWORD, TestCertificates.KEY_PASSWORD);
    }

    private static void works(PersistenceAdapter adapter) {
        try (adapter) {
            adapter.connect();
            adapter.cache().set("k", "v", Duration.ofSeconds(10));
            assertThat(adapter.cache().get("k", String.class)).contains("v");
            assertThat(adapter.locks().acquire("l-" + System.nanoTime(), Duration.ofSeconds(5), "me")).isPresent();
        }
    }

    @Test
    void theRightCertificateIsAcceptedByIpAddressAndByHostName() {
        works(adapter(tlsUri("127.0.0.1", good, ""), trust()));
        works(adapter(tlsUri("localhost", good, ""), trust()));
    }

    @Test
    void aPemTrustStoreWorksToo() {
        works(adapter(tlsUri("localhost", good, ""), TlsStores.jvmDefaults().withTrustStore(certificates.ca, null,
                "pem")));
    }

    @Test
    void aCertificateOfAnUnknownCaIsRefused() {
        refused(adapter(tlsUri("localhost", untrusted, ""), trust()),
                "TLS handshake failed: the server's certificate is not trusted");
    }

    @Test
    void theJvmsDefaultTrustIsUsedWhenNoTrustStoreIsSet() {
        // tls=true alone: the driver's default TLS context, whose trust (the JDK's CA certificates) lacks the test CA
        refused(adapter(tlsUri("localhost", good, ""), TlsStores.jvmDefaults()),
                "TLS handshake failed: the server's certificate is not trusted");
    }

    @Test
    void tlsTrueAloneWorksWithTheJvmsDefaultTrust() throws Exception {
        // another JVM: the default SSLContext is made once per JVM, from javax.net.ssl.trustStore
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(javaBin.toString(), "-Djavax.net.ssl.trustStore=" + certificates.trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + TestCertificates.TRUST_PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12", "-cp", System.getProperty("java.class.path"),
                JvmTrustProbe.class.getName(), tlsUri("localhost", good, "")).redirectErrorStream(true).start();
        String output;
        try (var in = probe.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).as(output).contains("OK");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessTheUriAllowsInvalidHostNames() {
        refused(adapter(tlsUri("127.0.0.1", wrongHost, ""), trust()),
                "TLS handshake failed: the server's certificate does not match the host name");
        refused(adapter(tlsUri("localhost", wrongHost, ""), trust()),
                "TLS handshake failed: the server's certificate does not match the host name");
        works(adapter(tlsUri("localhost", wrongHost, "&tlsAllowInvalidHostnames=true"), trust()));
        // the chain is still checked
        refused(adapter(tlsUri("localhost", untrusted, "&tlsAllowInvalidHostnames=true"), trust()),
                "TLS handshake failed: the server's certificate is not trusted");
    }

    @Test
    void aClientCertificateTheServerAsksForIsShownFromTheKeyStore() {
        works(adapter(tlsUri("localhost", mutual, ""), trust().withKeyStore(certificates.keyStore,
                TestCertificates.KEY_PASSWORD, "PKCS12")));
    }

    @Test
    void withoutAClientCertificateTheServerRefuses() {
        refused(adapter(tlsUri("localhost", mutual, ""), trust()), "TLS handshake failed");
    }

    @Test
    void plaintextToATlsPortFailsClearlyWithinTheTimeout() {
        refused(adapter("mongodb://localhost:" + good.port, TlsStores.jvmDefaults()),
                "the server closed the connection at once");
        assertThatThrownBy(adapter("mongodb://localhost:" + good.port, TlsStores.jvmDefaults())::connect)
                .hasMessageContaining("tls=true");
    }

    @Test
    void tlsToAPlaintextPortFailsClearlyWithinTheTimeout() {
        // the stand-in waits for the rest of what the ClientHello's first bytes announce: no answer, no error
        refused(adapter("mongodb://localhost:" + InProcessMongo.port() + "/?tls=true", trust()),
                "TLS handshake not answered within the timeout");
    }

    @Test
    void storesWithoutTlsInTheUriAreRefusedByTheConfiguration() {
        assertThatThrownBy(() -> MongoConfig.of("mongodb://localhost:" + good.port, "test").withTls(trust()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls=true");
    }

    private static AdapterSettings settings(Map<String, String> relative) {
        return AdapterSettings.forStore("secure",
                name -> Optional.ofNullable(relative.get(name.substring("gogoscope.store.secure.".length()))));
    }

    private static Map<String, String> tlsProperties(TlsTerminator terminator) {
        Map<String, String> properties = new HashMap<>();
        properties.put("mongodb.uri", "mongodb://localhost:" + terminator.port + "/?tls=true");
        properties.put("mongodb.database", "test");
        properties.put("mongodb.tls.trust-store", certificates.trustStore.toString());
        properties.put("mongodb.tls.trust-store-password", TestCertificates.TRUST_PASSWORD);
        properties.put("mongodb.tls.key-store", certificates.keyStore.toString());
        properties.put("mongodb.tls.key-store-password", TestCertificates.KEY_PASSWORD);
        properties.put("timeout", TIMEOUT.toMillis() + "ms");
        return properties;
    }

    @Test
    void theTlsPropertiesConfigureAWorkingStoreAndHideThePasswords() {
        MongoAdapter adapter = (MongoAdapter) new MongoAdapterFactory().create("mongodb",
                settings(tlsProperties(mutual)));
        assertThat(adapter.config().tlsEnabled()).isTrue();
        assertThat(adapter.config().toString()).contains("truststore.p12").contains("client.p12")
                .doesNotContain(TestCertificates.TRUST_PASSWORD).doesNotContain(TestCertificates.KEY_PASSWORD);
        works(adapter);

        Map<String, String> pem = tlsProperties(good);
        pem.remove("mongodb.tls.key-store");
        pem.remove("mongodb.tls.key-store-password");
        pem.remove("mongodb.tls.trust-store-password");
        pem.put("mongodb.tls.trust-store", certificates.ca.toString());
        pem.put("mongodb.tls.trust-store-type", "pem");
        works(new MongoAdapterFactory().create("mongodb", settings(pem)));

        Map<String, String> wrongHostAllowed = tlsProperties(wrongHost);
        wrongHostAllowed.put("mongodb.uri", tlsUri("localhost", wrongHost, "&tlsAllowInvalidHostnames=true"));
        works(new MongoAdapterFactory().create("mongodb", settings(wrongHostAllowed)));
        refused(new MongoAdapterFactory().create("mongodb", settings(tlsProperties(wrongHost))),
                "TLS handshake failed: the server's certificate does not match the host name");
    }

    @Test
    void unreadableStoresAndStoresWithoutTlsAreConfigurationErrorsWithoutSecrets() {
        Map<String, String> wrongPassword = tlsProperties(good);
        wrongPassword.put("mongodb.tls.key-store-password", "not-" + TestCertificates.KEY_PASSWORD);
        assertThatThrownBy(() -> new MongoAdapterFactory().create("mongodb", settings(wrongPassword)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GOGO-0102: Invalid gogoscope.store.secure.mongodb.tls.key-store")
                .hasMessageNotContaining(TestCertificates.KEY_PASSWORD).satisfies(MongoTlsTest::noSecretInChain);
        Map<String, String> wrongTrustPassword = tlsProperties(good);
        wrongTrustPassword.put("mongodb.tls.trust-store-password", "not-" + TestCertificates.TRUST_PASSWORD);
        assertThatThrownBy(() -> new MongoAdapterFactory().create("mongodb", settings(wrongTrustPassword)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GOGO-0102: Invalid gogoscope.store.secure.mongodb.tls.trust-store")
                .hasMessageNotContaining(TestCertificates.TRUST_PASSWORD).satisfies(MongoTlsTest::noSecretInChain);
        Map<String, String> missing = tlsProperties(good);
        missing.put("mongodb.tls.trust-store", certificates.dir.resolve("absent.p12").toString());
        assertThatThrownBy(() -> new MongoAdapterFactory().create("mongodb", settings(missing)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.secure.mongodb.tls.trust-store")
                .hasMessageContaining("absent.p12").hasMessageNotContaining(TestCertificates.TRUST_PASSWORD)
                .satisfies(MongoTlsTest::noSecretInChain);
        Map<String, String> type = tlsProperties(good);
        type.put("mongodb.tls.key-store-type", "pem");
        assertThatThrownBy(() -> new MongoAdapterFactory().create("mongodb", settings(type)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.secure.mongodb.tls.key-store-type");
        Map<String, String> forgotten = tlsProperties(good);
        forgotten.put("mongodb.uri", "mongodb://localhost:" + good.port);
        assertThatThrownBy(() -> new MongoAdapterFactory().create("mongodb", settings(forgotten)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GOGO-0101: gogoscope.store.secure.mongodb.tls.trust-store is set but TLS is "
                        + "off for store 'secure'")
                .hasMessageContaining("tls=true");
        Map<String, String> keyOnly = tlsProperties(good);
        keyOnly.put("mongodb.uri", "mongodb://localhost:" + good.port + "/?tls=false");
        keyOnly.remove("mongodb.tls.trust-store");
        assertThatThrownBy(() -> new MongoAdapterFactory().create("mongodb", settings(keyOnly)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GOGO-0101: gogoscope.store.secure.mongodb.tls.key-store is set but TLS is off");
    }
}
