package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.gogoscope.testsupport.ExceptionChain;
import org.gogoscope.testsupport.TestCertificates;
import redis.clients.jedis.HostAndPort;

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
        Throwable thrown = catchThrowable(adapter::connect);
        assertThat(thrown).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: TLS handshake failed: the server's "
                        + "certificate is not trusted");
        ExceptionChain.holdsNone(thrown, TestCertificates.KEY_PASSWORD, TestCertificates.TRUST_PASSWORD);
        assertThat(adapter.isConnected()).isFalse();
    }

    /**
     * A node whose certificate is signed by the trusted CA but names another host ({@code wrong.example.invalid},
     * not the {@code 127.0.0.1} the Cluster reports) is refused on the Cluster path too; with host names not
     * verified the same node serves, so the name is what was refused. One extra node holding every slot (about
     * 0.3 s), not a second three-master Cluster.
     */
    @Test
    void aCertificateForAnotherHostIsRefusedNamingTls() throws Exception {
        HostAndPort wrongHost = servers.clusterNodeShowing(certificates.wrongHost);
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.cluster(List.of(wrongHost))
                .withTls(TestTls.client(certificates)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "wrong-host:");
        Throwable thrown = catchThrowable(adapter::connect);
        assertThat(thrown).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: TLS handshake failed: the server's "
                        + "certificate does not match the host name");
        ExceptionChain.holdsNone(thrown, TestCertificates.KEY_PASSWORD, TestCertificates.TRUST_PASSWORD);
        assertThat(adapter.isConnected()).isFalse();
        try (PersistenceAdapter unverified = new RedisAdapter(RedisClientConfig.cluster(List.of(wrongHost))
                .withTls(TestTls.client(certificates).withVerifyHostname(false)), "wrong-host:")) {
            unverified.connect();
            assertThat(unverified.locks().acquire("job", Duration.ofSeconds(5), "me")).isPresent();
        }
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
