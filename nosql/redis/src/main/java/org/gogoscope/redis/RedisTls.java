package org.gogoscope.redis;

import java.nio.file.Path;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.gogoscope.core.tls.TlsStores;

/**
 * How TLS connections are made: which certificates are trusted (a trust store, or the JVM's default trust), which
 * client certificate is shown (a key store, or none), and whether the server's certificate must name the host
 * connected to. Immutable; the {@code with*} methods return modified copies. Where TLS is used (data nodes,
 * sentinels) is {@link RedisClientConfig}'s business. The stores are read by core's {@link TlsStores}, as for the
 * other backends. Passwords are never shown by {@link #toString()}.
 */
public final class RedisTls {

    /** Store types: any {@link java.security.KeyStore} type, or {@code PEM} (X.509 certificates, trust stores only). */
    public static final String PKCS12 = TlsStores.PKCS12;
    public static final String JKS = TlsStores.JKS;
    public static final String PEM = TlsStores.PEM;

    private static final RedisTls JVM_DEFAULTS = new RedisTls(TlsStores.jvmDefaults(), true);

    private final TlsStores stores;
    private final boolean verifyHostname;

    private RedisTls(TlsStores stores, boolean verifyHostname) {
        this.stores = stores;
        this.verifyHostname = verifyHostname;
    }

    /** The JVM's default trust ({@code javax.net.ssl.trustStore} or the JDK's CA certificates), no client certificate, host names verified. */
    public static RedisTls jvmDefaults() {
        return JVM_DEFAULTS;
    }

    /** These stores (read by core's {@link TlsStores}), host names verified. */
    public static RedisTls of(TlsStores stores) {
        return new RedisTls(java.util.Objects.requireNonNull(stores, "stores"), true);
    }

    /**
     * Trust exactly the certificates of {@code store} ({@code type} {@code PKCS12}, {@code JKS} or {@code PEM}: one or
     * more X.509 certificates in PEM or DER; {@code password} may be {@code null}, and is not needed for PEM).
     */
    public RedisTls withTrustStore(Path store, String password, String type) {
        return new RedisTls(stores.withTrustStore(store, password, type), verifyHostname);
    }

    /** Show the client certificate (and use the private key) of {@code store} ({@code PKCS12} or {@code JKS}). */
    public RedisTls withKeyStore(Path store, String password, String type) {
        return new RedisTls(stores.withKeyStore(store, password, type), verifyHostname);
    }

    /**
     * Whether the server's certificate must name the host connected to (default {@code true}: an IP address must be
     * in its subject alternative names, a host name in its DNS names). {@code false} only checks the chain.
     */
    public RedisTls withVerifyHostname(boolean verify) {
        return new RedisTls(stores, verify);
    }

    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** The trust store, or {@code null} for the JVM's default trust. */
    public Path trustStore() {
        return stores.trustStore();
    }

    /** The key store with the client certificate, or {@code null} for none. */
    public Path keyStore() {
        return stores.keyStore();
    }

    /**
     * The socket factory of these settings: the JVM's default one when neither store is set. Reads the stores
     * (each time: an adapter calls this once per connect, so a renewed certificate is read on the next connect).
     *
     * @throws IllegalArgumentException naming the store that cannot be read (never its password)
     */
    SSLSocketFactory socketFactory() {
        return stores.socketFactory();
    }

    /** Endpoint identification {@code HTTPS} (RFC 2818 host name check) when host names are verified, else none. */
    SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }

    @Override
    public String toString() {
        return "RedisTls[" + stores + ", verifyHostname=" + verifyHostname + "]";
    }
}
