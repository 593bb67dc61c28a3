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
 * The whole contract over TLS through a Sentinel: a throwaway TLS-only master and a Sentinel on a TLS port that
 * monitors it over TLS ({@code tls-replication yes}); the adapter reaches both over TLS with the client
 * certificate and checks both certificates' names. Also: a Sentinel on a plaintext port in front of the same TLS
 * master ({@code withSentinelTls(false)}, {@code redis.sentinel.tls=false}).
 */
class RedisTlsSentinelConformanceTest extends ConformanceSuite {

    private static TestCertificates certificates;
    private static RedisServers servers;
    private static HostAndPort sentinel;

    @BeforeAll
    static void startSentinel() throws Exception {
        certificates = TestCertificates.create();
        servers = new RedisServers(certificates);
        sentinel = servers.sentinel("gogo-tls");
    }

    @AfterAll
    static void stopSentinel() {
        if (servers != null) {
            servers.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> new RedisAdapter(RedisClientConfig.sentinel("gogo-tls", List.of(sentinel))
                .withTls(TestTls.client(certificates)).withPoolSize(8), prefix));
    }

    @Test
    void aPlaintextSentinelInFrontOfTlsDataNodes() throws Exception {
        HostAndPort plain = servers.sentinel("gogo-mixed", false);
        try (PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.sentinel("gogo-mixed", List.of(plain))
                .withTls(TestTls.client(certificates)).withSentinelTls(false), "mixed:")) {
            adapter.connect();
            assertThat(adapter.locks().acquire("job", Duration.ofSeconds(5), "me")).isPresent();
            assertThat(adapter.locks().inspect("job")).isPresent();
        }
        // TLS to that plaintext sentinel port: refused, naming the sentinels and TLS
        PersistenceAdapter wrong = new RedisAdapter(RedisClientConfig.sentinel("gogo-mixed", List.of(plain))
                .withTls(TestTls.client(certificates)).withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)), "x:");
        long start = System.nanoTime();
        assertThatThrownBy(wrong::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: sentinels: TLS handshake failed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** Sentinels whose certificate is not trusted: Jedis only logs why; the adapter asks again and names TLS. */
    @Test
    void anUntrustedSentinelIsRefusedNamingTls() {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.sentinel("gogo-tls", List.of(sentinel))
                .withTls(RedisTls.jvmDefaults()).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)), "u:");
        refused(adapter, "sentinels: TLS handshake failed: the server's certificate is not trusted");
    }

    /** A Sentinel whose certificate names another host: refused before the master is asked for. */
    @Test
    void aSentinelCertificateForAnotherHostIsRefusedNamingTls() throws Exception {
        HostAndPort wrongHost = servers.sentinelShowing("gogo-wrong-sentinel", certificates.wrongHost,
                certificates.server);
        refused(new RedisAdapter(RedisClientConfig.sentinel("gogo-wrong-sentinel", List.of(wrongHost))
                .withTls(TestTls.client(certificates)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "ws:"), "sentinels: TLS handshake failed: the server's certificate does not match the host name");
    }

    /**
     * Trusted, rightly named sentinels in front of a master whose certificate names another host: the sentinels
     * answer, the master is refused. With host names not verified the same master serves.
     */
    @Test
    void aMasterCertificateForAnotherHostIsRefusedNamingTls() throws Exception {
        HostAndPort sentinelOfWrongHost = servers.sentinelShowing("gogo-wrong-master", certificates.server,
                certificates.wrongHost);
        refused(new RedisAdapter(RedisClientConfig.sentinel("gogo-wrong-master", List.of(sentinelOfWrongHost))
                .withTls(TestTls.client(certificates)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "wm:"), "TLS handshake failed: the server's certificate does not match the host name");
        try (PersistenceAdapter unverified = new RedisAdapter(RedisClientConfig.sentinel("gogo-wrong-master",
                List.of(sentinelOfWrongHost)).withTls(TestTls.client(certificates).withVerifyHostname(false)), "wm:")) {
            unverified.connect();
            assertThat(unverified.locks().acquire("job", Duration.ofSeconds(5), "me")).isPresent();
        }
    }

    /** Plaintext to the TLS sentinel port: fails within the timeouts, naming the sentinels and TLS. */
    @Test
    void plaintextToATlsSentinelFailsClearly() {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.sentinel("gogo-tls", List.of(sentinel))
                .withTls(TestTls.client(certificates)).withSentinelTls(false)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)), "ps:");
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(adapter::connect);
        assertThat(thrown).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: sentinels: ").hasMessageContaining("TLS");
        ExceptionChain.holdsNone(thrown, TestCertificates.KEY_PASSWORD, TestCertificates.TRUST_PASSWORD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** Trusted sentinels in front of a master whose certificate another CA signed: the master is refused. */
    @Test
    void anUntrustedMasterBehindTrustedSentinelsIsRefusedNamingTls() throws Exception {
        HostAndPort sentinelOfUntrusted = servers.sentinelShowing("gogo-untrusted-master", certificates.server,
                certificates.untrusted);
        refused(new RedisAdapter(RedisClientConfig.sentinel("gogo-untrusted-master", List.of(sentinelOfUntrusted))
                .withTls(TestTls.client(certificates)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "um:"), "TLS handshake failed: the server's certificate is not trusted");
    }

    /** {@code connect} fails with a BackendException starting with {@code start}; no secret in its whole chain. */
    private static void refused(PersistenceAdapter adapter, String start) {
        Throwable thrown = catchThrowable(adapter::connect);
        assertThat(thrown).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed: " + start);
        ExceptionChain.holdsNone(thrown, TestCertificates.KEY_PASSWORD, TestCertificates.TRUST_PASSWORD);
        assertThat(adapter.isConnected()).isFalse();
    }

    /** Trusted sentinels, but plaintext to the TLS master: the sentinels answer, the master's port refuses. */
    @Test
    void plaintextToTheTlsMasterFailsClearly() {
        PersistenceAdapter adapter = new RedisAdapter(RedisClientConfig.sentinel("gogo-tls", List.of(sentinel))
                .withTls(TestTls.client(certificates)).withDataTls(false)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)), "p:");
        long start = System.nanoTime();
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: redis connect failed").hasMessageContaining("TLS");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
