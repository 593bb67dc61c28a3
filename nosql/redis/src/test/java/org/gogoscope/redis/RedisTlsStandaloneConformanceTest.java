package org.gogoscope.redis;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.gogoscope.testsupport.TestCertificates;

/**
 * The whole contract over TLS against a throwaway TLS-only server ({@code --port 0 --tls-port}) that asks for a
 * client certificate: the adapter trusts the test CA through a PKCS12 trust store, shows its certificate from a
 * PKCS12 key store, and verifies that the certificate names {@code localhost} (the URI's host).
 */
class RedisTlsStandaloneConformanceTest extends ConformanceSuite {

    private static TestCertificates certificates;
    private static RedisServers servers;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        certificates = TestCertificates.create();
        servers = new RedisServers(certificates);
        port = servers.standalone();
    }

    @AfterAll
    static void stopServer() {
        if (servers != null) {
            servers.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(prefix -> new RedisAdapter(RedisClientConfig.standalone("rediss://localhost:" + port)
                .withTls(TestTls.client(certificates)).withPoolSize(8), prefix));
    }
}
