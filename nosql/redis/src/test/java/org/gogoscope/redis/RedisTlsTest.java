package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.gogoscope.testsupport.ExceptionChain;
import org.gogoscope.testsupport.TestCertificates;

/**
 * What TLS refuses, on throwaway standalone servers (TLS-only, client certificate required) that show the right
 * certificate, one for another host name, one signed by an unknown CA; and a plaintext server. Every refusal is
 * a {@link BackendException} from {@code connect()} naming TLS, within the timeouts, without a password in it.
 * Also the properties: a store configured with {@code redis.tls*} connects, and unreadable stores are configuration
 * errors that hide the passwords.
 */
class RedisTlsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private static TestCertificates certificates;
    private static RedisServers servers;
    private static RedisServers plainServers;
    private static int good;
    private static int wrongHost;
    private static int untrusted;
    private static int plaintext;

    @BeforeAll
    static void startServers() throws Exception {
        certificates = TestCertificates.create();
        servers = new RedisServers(certificates);
        good = servers.standalone();
        wrongHost = servers.standaloneShowing(certificates.wrongHost);
        untrusted = servers.standaloneShowing(certificates.untrusted);
        plainServers = new RedisServers();
        plaintext = plainServers.standalone();
    }

    @AfterAll
    static void stopServers() {
        for (AutoCloseable closeable : new AutoCloseable[] {servers, plainServers, certificates}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private static RedisAdapter adapter(String host, int port, RedisTls tls) {
        return new RedisAdapter(RedisClientConfig.standalone("redis://" + host + ":" + port).withTls(tls)
                .withTimeouts(TIMEOUT, TIMEOUT), "tls-test:");
    }

    /**
     * {@code connect} throws a BackendException starting with {@code start}, in time, without a secret anywhere in
     * its chain (causes and suppressed exceptions included).
     */
    private static void refused(PersistenceAdapter adapter, String start) {
        long began = System.nanoTime();
        Throwable thrown = catchThrowable(adapter::connect);
        assertThat(thrown).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: " + start);
        noSecretInChain(thrown);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("refused within the timeouts")
                .isLessThan(TIMEOUT.multipliedBy(4));
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
            assertThat(adapter.locks().acquire("l", Duration.ofSeconds(5), "me")).isPresent();
        }
    }

    @Test
    void theRightCertificateIsAcceptedByIpAddressAndByHostName() {
        works(adapter("127.0.0.1", good, TestTls.client(certificates)));
        works(adapter("localhost", good, TestTls.client(certificates)));
    }

    @Test
    void aPemTrustStoreWorksToo() {
        works(adapter("127.0.0.1", good, TestTls.client(certificates).withTrustStore(certificates.ca, null, "PEM")));
    }

    @Test
    void aCertificateOfAnUnknownCaIsRefused() {
        refused(adapter("127.0.0.1", untrusted, TestTls.client(certificates)),
                "TLS handshake failed: the server's certificate is not trusted");
    }

    @Test
    void theJvmsDefaultTrustIsUsedWhenNoTrustStoreIsSet() {
        refused(adapter("127.0.0.1", good, RedisTls.jvmDefaults().withKeyStore(certificates.keyStore,
                TestCertificates.KEY_PASSWORD, "PKCS12")), "TLS handshake failed: the server's certificate is not trusted");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessHostNamesAreNotVerified() {
        refused(adapter("127.0.0.1", wrongHost, TestTls.client(certificates)),
                "TLS handshake failed: the server's certificate does not match the host name");
        refused(adapter("localhost", wrongHost, TestTls.client(certificates)),
                "TLS handshake failed: the server's certificate does not match the host name");
        works(adapter("127.0.0.1", wrongHost, TestTls.client(certificates).withVerifyHostname(false)));
    }

    @Test
    void withoutAClientCertificateTheServerRefuses() {
        refused(adapter("127.0.0.1", good, RedisTls.jvmDefaults().withTrustStore(certificates.trustStore,
                TestCertificates.TRUST_PASSWORD, "PKCS12")), "TLS handshake failed");
    }

    @Test
    void plaintextToATlsPortFailsClearlyWithinTheTimeout() {
        refused(new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:" + good).withTimeouts(TIMEOUT,
                TIMEOUT), "p:"), "the server closed the connection at once");
        assertThatThrownBy(new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:" + good)
                .withTimeouts(TIMEOUT, TIMEOUT), "p:")::connect).hasMessageContaining("redis.tls");
    }

    @Test
    void tlsToAPlaintextPortFailsClearlyWithinTheTimeout() {
        refused(adapter("127.0.0.1", plaintext, TestTls.client(certificates)), "TLS handshake failed");
    }

    private static AdapterSettings settings(Map<String, String> relative) {
        return AdapterSettings.forStore("secure",
                name -> Optional.ofNullable(relative.get(name.substring("gogoscope.store.secure.".length()))));
    }

    private static Map<String, String> tlsProperties(int port) {
        Map<String, String> properties = new HashMap<>();
        properties.put("redis.uri", "redis://localhost:" + port);
        properties.put("redis.tls", "true");
        properties.put("redis.tls.trust-store", certificates.trustStore.toString());
        properties.put("redis.tls.trust-store-password", TestCertificates.TRUST_PASSWORD);
        properties.put("redis.tls.key-store", certificates.keyStore.toString());
        properties.put("redis.tls.key-store-password", TestCertificates.KEY_PASSWORD);
        properties.put("timeout", "800ms");
        return properties;
    }

    @Test
    void theTlsPropertiesConfigureAWorkingStoreAndHideThePasswords() {
        RedisAdapter adapter = (RedisAdapter) new RedisAdapterFactory().create("redis", settings(tlsProperties(good)));
        assertThat(adapter.config().dataTls()).isTrue();
        assertThat(adapter.config().tls().verifyHostname()).isTrue();
        assertThat(adapter.config().toString()).contains("tls to data nodes").doesNotContain(TestCertificates
                .TRUST_PASSWORD).doesNotContain(TestCertificates.KEY_PASSWORD);
        works(adapter);

        Map<String, String> rediss = tlsProperties(good);
        rediss.remove("redis.tls");
        rediss.put("redis.uri", "rediss://localhost:" + good);
        works(new RedisAdapterFactory().create("redis", settings(rediss)));

        Map<String, String> wrongHostAllowed = tlsProperties(wrongHost);
        wrongHostAllowed.put("redis.tls.verify-hostname", "false");
        works(new RedisAdapterFactory().create("redis", settings(wrongHostAllowed)));
        refused(new RedisAdapterFactory().create("redis", settings(tlsProperties(wrongHost))),
                "TLS handshake failed: the server's certificate does not match the host name");
    }

    @Test
    void unreadableStoresAndContradictionsAreConfigurationErrorsWithoutSecrets() {
        Map<String, String> wrongPassword = tlsProperties(good);
        wrongPassword.put("redis.tls.key-store-password", "not-" + TestCertificates.KEY_PASSWORD);
        assertThatThrownBy(() -> new RedisAdapterFactory().create("redis", settings(wrongPassword)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.secure.redis.tls.key-store")
                .hasMessageNotContaining(TestCertificates.KEY_PASSWORD).satisfies(RedisTlsTest::noSecretInChain);
        Map<String, String> missing = tlsProperties(good);
        missing.put("redis.tls.trust-store", certificates.dir.resolve("absent.p12").toString());
        assertThatThrownBy(() -> new RedisAdapterFactory().create("redis", settings(missing)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.secure.redis.tls.trust-store")
                .hasMessageContaining("absent.p12").hasMessageNotContaining(TestCertificates.TRUST_PASSWORD)
                .satisfies(RedisTlsTest::noSecretInChain);
        Map<String, String> type = tlsProperties(good);
        type.put("redis.tls.key-store-type", "pem");
        assertThatThrownBy(() -> new RedisAdapterFactory().create("redis", settings(type)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.secure.redis.tls.key-store-type");
        Map<String, String> contradiction = tlsProperties(good);
        contradiction.put("redis.uri", "rediss://localhost:" + good);
        contradiction.put("redis.tls", "false");
        assertThatThrownBy(() -> new RedisAdapterFactory().create("redis", settings(contradiction)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("redis.tls");
        Map<String, String> forgotten = tlsProperties(good);
        forgotten.remove("redis.tls");
        assertThatThrownBy(() -> new RedisAdapterFactory().create("redis", settings(forgotten)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GOGO-0101: gogoscope.store.secure.redis.tls.trust-store is set but TLS is off")
                .hasMessageContaining("gogoscope.store.secure.redis.tls=true");
        Map<String, String> sentinelOnly = tlsProperties(good);
        sentinelOnly.put("redis.sentinel.tls", "true");
        assertThatThrownBy(() -> new RedisAdapterFactory().create("redis", settings(sentinelOnly)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("redis.sentinel.tls");
    }
}
