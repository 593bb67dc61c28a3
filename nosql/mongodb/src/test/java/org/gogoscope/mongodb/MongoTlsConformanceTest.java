package org.gogoscope.mongodb;

import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.gogoscope.core.tls.TlsStores;
import org.gogoscope.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole contract over TLS: {@code mongodb://localhost:<port>/?tls=true} to a TLS terminator (socat, see
 * {@link TlsTerminator}) in front of the stand-in that asks for a client certificate. The adapters trust the test CA
 * through a PKCS12 trust store, show their certificate from a PKCS12 key store, and the driver verifies that the
 * server's certificate names {@code localhost}. What is real: the driver's TLS handshake, trust and host name
 * checks, and OpenSSL's server side; mongod's own TLS is not here (no MongoDB can run on this machine).
 */
class MongoTlsConformanceTest extends ConformanceSuite {

    private static TestCertificates certificates;
    private static TlsTerminator terminator;

    @BeforeAll
    static void startTerminator() throws Exception {
        certificates = TestCertificates.create();
        terminator = TlsTerminator.start(certificates, certificates.server, true, InProcessMongo.port());
    }

    @AfterAll
    static void stopTerminator() {
        if (terminator != null) {
            terminator.close();
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    static TlsStores clientStores(TestCertificates certificates) {
        return TlsStores.jvmDefaults().withTrustStore(certificates.trustStore, TestCertificates.TRUST_PASSWORD, "pkcs12")
                .withKeyStore(certificates.keyStore, TestCertificates.KEY_PASSWORD, "pkcs12");
    }

    @Override
    protected BackendFixture fixture() {
        return new MongoFixture("mongodb://localhost:" + terminator.port + "/?tls=true", "test",
                clientStores(certificates));
    }
}
