package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import org.gogoscope.testsupport.TestCertificates;

/**
 * The whole contract over TLS on a throwaway three-master Cluster whose nodes listen on TLS only, talk over a TLS
 * Cluster bus ({@code tls-cluster yes}) and ask for a client certificate. The adapter verifies each node's
 * certificate against the test CA and the address the Cluster reports for it ({@code 127.0.0.1}).
 */
class RedisTlsClusterConformanceTest extends ConformanceSuite {

    private static TestCertificates certificates;
    private static RedisServers servers;
    private static List<HostAndPort> nodes;

    @BeforeAll
    static void startCluster() throws Exception {
        certificates = TestCertificates.create();
        servers = new RedisServers(certificates);
        nodes = servers.cluster(3);
    }

    @AfterAll
    static void stopCluster() {
        if (servers != null) {
            servers.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> new RedisAdapter(RedisClientConfig.cluster(nodes)
                .withTls(TestTls.client(certificates)).withPoolSize(8), prefix));
    }

    /** Keys of one prefix land on every master, all reached over TLS. */
    @Test
    void everyMasterIsReachedOverTls() {
        try (PersistenceAdapter adapter = fixture().newAdapter("tls-spread:")) {
            adapter.connect();
            for (int i = 0; i < 30; i++) {
                adapter.cache().set("k" + i, i, Duration.ofMinutes(1));
            }
            assertThat(adapter.cache().keys()).hasSize(30);
            assertThat(adapter.cache().clear()).isEqualTo(30);
        }
    }

    /**
     * With the JVM's default trust (which does not hold the test CA) the Cluster's first connect fails: Jedis keeps
     * the handshake failure only as a suppressed exception of "Could not initialize cluster slots cache", and the
     * adapter still names TLS.
     */
    @Test
    void anUntrustedClusterIsRefusedNamingTls() {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes)
                .withTls(RedisTls.jvmDefaults().withKeyStore(certificates.keyStore, TestCertificates.KEY_PASSWORD,
                        "PKCS12")).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), "untrusted:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: TLS handshake failed: the server's "
                        + "certificate is not trusted")
                .hasMessageNotContaining(TestCertificates.KEY_PASSWORD);
        assertThat(adapter.isConnected()).isFalse();
    }

    /** Plaintext to the Cluster's TLS ports fails within the timeouts and says TLS may be missing. */
    @Test
    void plaintextToTheTlsClusterFailsClearly() {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(nodes)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)), "plain:");
        long start = System.nanoTime();
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed").hasMessageContaining("TLS");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
