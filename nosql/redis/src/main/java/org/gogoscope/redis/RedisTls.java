package org.gogoscope.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How TLS connections are made: which certificates are trusted (a trust store, or the JVM's default trust), which
 * client certificate is shown (a key store, or none), and whether the server's certificate must name the host
 * connected to. Immutable; the {@code with*} methods return modified copies. Where TLS is used (data nodes,
 * sentinels) is {@link RedisClientConfig}'s business. Passwords are never shown by {@link #toString()}.
 */
public final class RedisTls {

    /** Store types: any {@link KeyStore} type, or {@code PEM} (X.509 certificates, trust stores only). */
    public static final String PKCS12 = "PKCS12";
    public static final String JKS = "JKS";
    public static final String PEM = "PEM";

    private static final RedisTls JVM_DEFAULTS = new RedisTls(null, null, PKCS12, null, null, PKCS12, true);

    private final Path trustStore;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final Path keyStore;
    private final String keyStorePassword;
    private final String keyStoreType;
    private final boolean verifyHostname;

    private RedisTls(Path trustStore, String trustStorePassword, String trustStoreType, Path keyStore,
            String keyStorePassword, String keyStoreType, boolean verifyHostname) {
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.trustStoreType = trustStoreType;
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.keyStoreType = keyStoreType;
        this.verifyHostname = verifyHostname;
    }

    /** The JVM's default trust ({@code javax.net.ssl.trustStore} or the JDK's CA certificates), no client certificate, host names verified. */
    public static RedisTls jvmDefaults() {
        return JVM_DEFAULTS;
    }

    /**
     * Trust exactly the certificates of {@code store} ({@code type} {@code PKCS12}, {@code JKS} or {@code PEM}: one or
     * more X.509 certificates in PEM or DER; {@code password} may be {@code null}, and is not needed for PEM).
     */
    public RedisTls withTrustStore(Path store, String password, String type) {
        return new RedisTls(Objects.requireNonNull(store, "store"), password, type(type, true), keyStore,
                keyStorePassword, keyStoreType, verifyHostname);
    }

    /** Show the client certificate (and use the private key) of {@code store} ({@code PKCS12} or {@code JKS}). */
    public RedisTls withKeyStore(Path store, String password, String type) {
        return new RedisTls(trustStore, trustStorePassword, trustStoreType, Objects.requireNonNull(store, "store"),
                password, type(type, false), verifyHostname);
    }

    /**
     * Whether the server's certificate must name the host connected to (default {@code true}: an IP address must be
     * in its subject alternative names, a host name in its DNS names). {@code false} only checks the chain.
     */
    public RedisTls withVerifyHostname(boolean verify) {
        return new RedisTls(trustStore, trustStorePassword, trustStoreType, keyStore, keyStorePassword, keyStoreType,
                verify);
    }

    private static String type(String type, boolean pemAllowed) {
        String upper = Objects.requireNonNull(type, "type").strip().toUpperCase(Locale.ROOT);
        if (!(upper.equals(PKCS12) || upper.equals(JKS) || (pemAllowed && upper.equals(PEM)))) {
            throw new IllegalArgumentException("store type must be " + (pemAllowed ? "PKCS12, JKS or PEM" : "PKCS12 or JKS")
                    + ", was " + type);
        }
        return upper;
    }

    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** The trust store, or {@code null} for the JVM's default trust. */
    public Path trustStore() {
        return trustStore;
    }

    /** The key store with the client certificate, or {@code null} for none. */
    public Path keyStore() {
        return keyStore;
    }

    /**
     * The socket factory of these settings: the JVM's default one when neither store is set. Reads the stores
     * (each time: an adapter calls this once per connect, so a renewed certificate is read on the next connect).
     *
     * @throws IllegalArgumentException naming the store that cannot be read (never its password)
     */
    SSLSocketFactory socketFactory() {
        if (trustStore == null && keyStore == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            TrustManager[] trust = null;
            if (trustStore != null) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore(trustStore, trustStorePassword, trustStoreType));
                trust = factory.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (keyStore != null) {
                KeyStore store = load("key store", keyStore, keyStorePassword, keyStoreType);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, keyStorePassword == null ? new char[0] : keyStorePassword.toCharArray());
                keys = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Endpoint identification {@code HTTPS} (RFC 2818 host name check) when host names are verified, else none. */
    SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }

    private static KeyStore trustStore(Path path, String password, String type) throws GeneralSecurityException {
        if (!PEM.equals(type)) {
            return load("trust store", path, password, type);
        }
        try (InputStream in = Files.newInputStream(path)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("trust store " + path + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(PKCS12);
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trust store " + path + ": " + e, e);
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("trust store " + path + " is not PEM or DER X.509: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String what, Path path, String password, String type) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            // e.g. "keystore password was incorrect": the message never holds the password
            throw new IllegalArgumentException("cannot read " + what + " " + path + " (" + type + "): " + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public String toString() {
        return "RedisTls[trustStore=" + (trustStore == null ? "JVM default" : trustStore + " (" + trustStoreType + ")")
                + ", keyStore=" + (keyStore == null ? "none" : keyStore + " (" + keyStoreType + ")")
                + ", verifyHostname=" + verifyHostname + "]";
    }
}
