package org.gogoscope.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates a TLS client trusts (a trust store, or the JVM's default trust) and which client certificate
 * it shows (a key store, or none). Immutable; the {@code with*} methods return modified copies. The stores are read
 * by {@link #sslContext()} each time it is called, so that a renewed certificate is read on the next connect.
 * Host name verification is not part of this: each backend's client does it (or is told not to).
 *
 * <p>Passwords are never shown: not by {@link #toString()}, not in the messages of the exceptions thrown when a
 * store cannot be read (those name the store file and its type).
 */
public final class TlsStores {

    /** Store types: any {@link KeyStore} type, or {@code PEM} (X.509 certificates, trust stores only). */
    public static final String PKCS12 = "PKCS12";
    public static final String JKS = "JKS";
    public static final String PEM = "PEM";

    private static final TlsStores JVM_DEFAULTS = new TlsStores(null, null, PKCS12, null, null, PKCS12);

    private final Path trustStore;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final Path keyStore;
    private final String keyStorePassword;
    private final String keyStoreType;

    private TlsStores(Path trustStore, String trustStorePassword, String trustStoreType, Path keyStore,
            String keyStorePassword, String keyStoreType) {
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.trustStoreType = trustStoreType;
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.keyStoreType = keyStoreType;
    }

    /** The JVM's default trust ({@code javax.net.ssl.trustStore} or the JDK's CA certificates), no client certificate. */
    public static TlsStores jvmDefaults() {
        return JVM_DEFAULTS;
    }

    /**
     * Trust exactly the certificates of {@code store} ({@code type} {@code PKCS12}, {@code JKS} or {@code PEM}, in any
     * case: one or more X.509 certificates in PEM or DER; {@code password} may be {@code null}, and is not needed for
     * PEM).
     *
     * @throws IllegalArgumentException for another type
     */
    public TlsStores withTrustStore(Path store, String password, String type) {
        return new TlsStores(Objects.requireNonNull(store, "store"), password, type(type, true), keyStore,
                keyStorePassword, keyStoreType);
    }

    /**
     * Show the client certificate (and use the private key) of {@code store} ({@code PKCS12} or {@code JKS}; the key's
     * password is the store's).
     *
     * @throws IllegalArgumentException for another type
     */
    public TlsStores withKeyStore(Path store, String password, String type) {
        return new TlsStores(trustStore, trustStorePassword, trustStoreType, Objects.requireNonNull(store, "store"),
                password, type(type, false));
    }

    private static String type(String type, boolean pemAllowed) {
        String upper = Objects.requireNonNull(type, "type").strip().toUpperCase(Locale.ROOT);
        if (!(upper.equals(PKCS12) || upper.equals(JKS) || (pemAllowed && upper.equals(PEM)))) {
            throw new IllegalArgumentException("store type must be " + (pemAllowed ? "PKCS12, JKS or PEM" : "PKCS12 or JKS")
                    + ", was " + type);
        }
        return upper;
    }

    /** The trust store, or {@code null} for the JVM's default trust. */
    public Path trustStore() {
        return trustStore;
    }

    /** The trust store's type ({@code PKCS12}, {@code JKS} or {@code PEM}). */
    public String trustStoreType() {
        return trustStoreType;
    }

    /** The key store with the client certificate, or {@code null} for none. */
    public Path keyStore() {
        return keyStore;
    }

    /** The key store's type ({@code PKCS12} or {@code JKS}). */
    public String keyStoreType() {
        return keyStoreType;
    }

    /** Whether neither store is set: the JVM's default trust and no client certificate. */
    public boolean isJvmDefault() {
        return trustStore == null && keyStore == null;
    }

    /**
     * The TLS context of these stores: the JVM's default one ({@link SSLContext#getDefault()}) when neither is set.
     * Reads the stores on each call.
     *
     * @throws IllegalArgumentException naming the store ({@code "trust store"} or {@code "key store"} and its file)
     *         that cannot be read, never its password
     */
    public SSLContext sslContext() {
        try {
            if (isJvmDefault()) {
                return SSLContext.getDefault();
            }
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
            return context;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no TLS: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The socket factory of {@link #sslContext()}: the JVM's default one when neither store is set. */
    public SSLSocketFactory socketFactory() {
        return isJvmDefault() ? (SSLSocketFactory) SSLSocketFactory.getDefault() : sslContext().getSocketFactory();
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
        } catch (CertificateException e) {
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

    /** Files and types only, never the passwords. */
    @Override
    public String toString() {
        return "trustStore=" + (trustStore == null ? "JVM default" : trustStore + " (" + trustStoreType + ")")
                + ", keyStore=" + (keyStore == null ? "none" : keyStore + " (" + keyStoreType + ")");
    }
}
