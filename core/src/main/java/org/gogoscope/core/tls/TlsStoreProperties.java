package org.gogoscope.core.tls;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * A backend's six trust- and key-store properties (e.g. {@code redis.tls.trust-store}, {@code -password},
 * {@code -type}, {@code redis.tls.key-store}, ...), read into {@link TlsStores} in one way for every backend: the
 * stores are read once at configuration, so a missing file, a wrong password or a wrong type is a
 * {@link ConfigurationException} naming the property, never the password.
 */
public record TlsStoreProperties(Property<String> trustStore, Property<String> trustStorePassword,
        Property<String> trustStoreType, Property<String> keyStore, Property<String> keyStorePassword,
        Property<String> keyStoreType) {

    public TlsStoreProperties {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        Objects.requireNonNull(trustStoreType, "trustStoreType");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(keyStoreType, "keyStoreType");
    }

    /** The name of the first store property set for this store, if any (a store set where TLS is off is an error). */
    public Optional<String> anyStoreSet(AdapterSettings settings) {
        return List.of(trustStore.name(), keyStore.name()).stream().filter(name -> settings.get(name).isPresent())
                .findFirst();
    }

    /**
     * The stores the properties name (the JVM's default trust and no client certificate where none is set), read
     * once to check them.
     *
     * @throws ConfigurationException naming the property of a store that cannot be read
     */
    public TlsStores read(AdapterSettings settings) {
        TlsStores stores = TlsStores.jvmDefaults();
        Optional<String> trust = trustStore.get(settings);
        if (trust.isPresent()) {
            stores = stores.withTrustStore(path(settings, trustStore.name(), trust.get()),
                    trustStorePassword.get(settings).orElse(null), trustStoreType.read(settings));
        }
        Optional<String> key = keyStore.get(settings);
        if (key.isPresent()) {
            stores = stores.withKeyStore(path(settings, keyStore.name(), key.get()),
                    keyStorePassword.get(settings).orElse(null), keyStoreType.read(settings));
        }
        try {
            stores.sslContext();
        } catch (IllegalArgumentException e) {
            // the message names the store and never holds its password
            String property = settings.fullName(e.getMessage().contains("key store") ? keyStore.name()
                    : trustStore.name());
            throw new ConfigurationException(MessageCode.INVALID_VALUE, property, "Invalid " + property + ": "
                    + e.getMessage(), e);
        }
        return stores;
    }

    private static Path path(AdapterSettings settings, String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw settings.invalid(name, value, "a file name", e);
        }
    }
}
