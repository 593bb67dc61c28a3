package org.gogoscope.redis;

import javax.net.ssl.SSLSocketFactory;
import org.gogoscope.testsupport.TestCertificates;

/** The Redis client settings made of test-support's {@link TestCertificates}. */
final class TestTls {

    private TestTls() {
    }

    /** The client settings of a well-configured application: the CA trusted, the client certificate shown. */
    static RedisTls client(TestCertificates certificates) {
        return RedisTls.jvmDefaults().withTrustStore(certificates.trustStore, TestCertificates.TRUST_PASSWORD, "PKCS12")
                .withKeyStore(certificates.keyStore, TestCertificates.KEY_PASSWORD, "PKCS12");
    }

    /** The tests' own admin connections: both CAs trusted, the client certificate shown, no host name checked. */
    static SSLSocketFactory adminSockets(TestCertificates certificates) {
        return RedisTls.jvmDefaults().withTrustStore(certificates.adminTrustStore, TestCertificates.TRUST_PASSWORD,
                "PKCS12").withKeyStore(certificates.keyStore, TestCertificates.KEY_PASSWORD, "PKCS12")
                .withVerifyHostname(false).socketFactory();
    }
}
