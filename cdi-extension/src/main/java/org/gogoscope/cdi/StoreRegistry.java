package org.gogoscope.cdi;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.telemetry.Telemetry;

/**
 * Owns the adapters of one deployment: validates every known store, creates and connects the used ones at
 * startup, creates the others on first lookup, and disconnects all of them at shutdown. Thread-safe.
 */
final class StoreRegistry {

    private static final System.Logger LOG = System.getLogger(StoreRegistry.class.getName());
    /** The key the readiness probe reads (under the store's key prefix); it is never written. */
    static final String PROBE_KEY = "gogoscope-readiness-probe";

    private final GogoscopeConfig config;
    private final Backends backends;
    private final Map<String, StoreSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, PersistenceAdapter> open = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile Telemetry telemetry = Telemetry.NONE;

    StoreRegistry(GogoscopeConfig config, Backends backends) {
        this.config = config;
        this.backends = backends;
    }

    /**
     * Validates every store of {@code plan} and connects the used ones, except one whose JNDI DataSource is not
     * bound yet ({@link DataSourceNotBoundException}): that one connects on first use. When anything else fails,
     * disconnects what it connected and returns every problem found; an empty list means the stores are ready.
     */
    synchronized List<ConfigurationException> start(StorePlan plan, Telemetry reporting) {
        this.telemetry = reporting;
        List<ConfigurationException> problems = new ArrayList<>(plan.problems());
        for (String store : plan.known()) {
            try {
                specs.put(store, StoreSpec.resolve(store, config, backends, plan.references(store)));
            } catch (ConfigurationException e) {
                problems.add(e);
            }
        }
        for (String store : plan.used()) {
            StoreSpec spec = specs.get(store);
            if (spec != null) {
                try {
                    open(spec);
                } catch (DataSourceNotBoundException e) {
                    LOG.log(Level.WARNING, MessageCode.LATE_DATASOURCE.format(strip(e.getMessage())
                            + " at deployment; the store connects on first use (its readiness check is DOWN until then)"));
                } catch (ConfigurationException e) {
                    problems.add(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            close();
        }
        return problems;
    }

    /**
     * The connected adapter of {@code store}, creating and connecting it on first use: for a store nothing used
     * at deployment, and for one whose JNDI DataSource was not bound yet then. Once connected, the adapter is
     * kept; a failed attempt leaves nothing behind, so the next lookup tries again.
     *
     * @throws IllegalStateException after shutdown, or for a store the deployment does not know
     * @throws ConfigurationException when the store cannot be created or connected (secrets hidden); a
     *     {@code datasource} still not bound names {@code gogoscope.store.<name>.datasource} and the JNDI name
     */
    PersistenceAdapter adapter(String store) {
        PersistenceAdapter adapter = open.get(store);
        if (adapter != null && !closed) {
            return adapter;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("go-go-scope store '" + store + "' is closed: the application is shutting down");
            }
            adapter = open.get(store);
            if (adapter != null) {
                return adapter;
            }
            StoreSpec spec = specs.get(store);
            if (spec == null) {
                throw new IllegalStateException("go-go-scope store '" + store + "' is not known to this deployment");
            }
            return open(spec);
        }
    }

    /** The bean of {@code kind} of {@code store}: the adapter or one of its providers, as configured. */
    Object bean(ProviderKind kind, String store) {
        PersistenceAdapter adapter = adapter(store);
        Optional<Duration> ttl = specs.get(store).cacheDefaultTtl();
        if (kind == ProviderKind.CACHE && ttl.isPresent()) {
            return new DefaultTtlCache(adapter.cache(), ttl.get());
        }
        return kind.from(adapter);
    }

    /** The store's backend name, when the store is known. */
    Optional<String> backend(String store) {
        return Optional.ofNullable(specs.get(store)).map(StoreSpec::backend);
    }

    /** One read round trip on {@code store}, timed; never throws. */
    Probe probe(String store) {
        long start = System.nanoTime();
        try {
            PersistenceAdapter adapter = adapter(store);
            adapter.cache().has(PROBE_KEY);
            return new Probe(store, adapter.backend(), true, elapsedMillis(start), null);
        } catch (RuntimeException e) {
            StoreSpec spec = specs.get(store);
            String message = spec == null ? e.getMessage() : spec.redactor().redact(e.getMessage());
            return new Probe(store, backend(store).orElse("unknown"), false, elapsedMillis(start), message);
        }
    }

    /** The outcome of {@link #probe}: whether the store answered one read, and how fast. */
    record Probe(String store, String backend, boolean reachable, long latencyMillis, String error) {
    }

    /** Disconnects every adapter; idempotent. Later lookups fail with {@link IllegalStateException}. */
    synchronized void close() {
        closed = true;
        for (Map.Entry<String, PersistenceAdapter> entry : open.entrySet()) {
            StoreSpec spec = specs.get(entry.getKey());
            try {
                entry.getValue().disconnect();
                LOG.log(Level.DEBUG, () -> "gogoscope: store '" + entry.getKey() + "' disconnected");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, MessageCode.DISCONNECT_FAILED.format("Store '" + entry.getKey() + "' ("
                        + spec.backend() + ") did not disconnect cleanly: " + spec.redactor().redact(e.getMessage())));
            }
        }
        open.clear();
    }

    private PersistenceAdapter open(StoreSpec spec) {
        long start = System.nanoTime();
        PersistenceAdapter adapter = create(spec);
        if (adapter instanceof StorageAdapter observable) {
            observable.observeWith(spec.name(), telemetry);
        }
        try {
            adapter.connect();
        } catch (RuntimeException e) {
            if (DataSourceNotBoundException.applies(spec, e)) {
                disconnectQuietly(adapter);
                throw new DataSourceNotBoundException(spec, e);
            }
            disconnectQuietly(adapter);
            throw connectFailure(spec, e);
        } catch (LinkageError e) {
            disconnectQuietly(adapter);
            throw missingClass(spec, e);
        }
        open.put(spec.name(), adapter);
        if (spec.embeddedDefault()) {
            LOG.log(Level.WARNING, MessageCode.EMBEDDED_DEFAULT.format("Store '" + spec.name() + "' has no "
                    + "configuration, so it uses the embedded default backend '" + spec.backend() + "': locks, cache "
                    + "and records live in this JVM only. Set " + GogoscopeConfig.property(spec.name(), "backend")
                    + " to share them between nodes."));
        }
        LOG.log(Level.INFO, () -> "gogoscope: store '" + spec.name() + "' connected to " + spec.backend() + " (key prefix '"
                + adapter.keyPrefix() + "') in " + elapsedMillis(start) + " ms");
        return adapter;
    }

    private static ConfigurationException connectFailure(StoreSpec spec, RuntimeException e) {
        if (e instanceof ConfigurationException configuration) {
            return sanitized(spec, configuration.code(), configuration.property(), e.getMessage(), e);
        }
        return sanitized(spec, MessageCode.STORE_UNREACHABLE, GogoscopeConfig.property(spec.name(), "*"),
                "Store '" + spec.name() + "' (" + spec.backendShown() + ") could not connect: " + e.getMessage()
                        + (spec.propertiesShown().isEmpty() ? "" : "; configured: " + spec.propertiesShown()), e);
    }

    private PersistenceAdapter create(StoreSpec spec) {
        try {
            return spec.factory().create(spec.backend(), spec.settings());
        } catch (ConfigurationException e) {
            throw sanitized(spec, e.code(), e.property(), e.getMessage(), e);
        } catch (LinkageError e) {
            throw missingClass(spec, e);
        } catch (RuntimeException e) {
            throw sanitized(spec, MessageCode.STORE_UNREACHABLE, GogoscopeConfig.property(spec.name(), "*"), "Store '" + spec.name() + "' ("
                    + spec.backendShown() + ") could not be created: " + e.getMessage()
                    + (spec.propertiesShown().isEmpty() ? "" : "; configured: " + spec.propertiesShown()), e);
        }
    }

    /** A backend whose driver or client library is not on the class path. */
    private static ConfigurationException missingClass(StoreSpec spec, LinkageError e) {
        return sanitized(spec, MessageCode.STORE_UNREACHABLE, GogoscopeConfig.property(spec.name(), "backend"),
                "Store '" + spec.name() + "' (" + spec.backendShown() + ") cannot be used: a class it needs is missing (" + e
                + "); put the backend's driver or client library on the class path", e);
    }

    /**
     * A {@link ConfigurationException} with secrets removed; the cause is kept only when it holds none. A code the
     * message already starts with is not repeated.
     */
    private static ConfigurationException sanitized(StoreSpec spec, MessageCode code, String property, String message,
            Throwable cause) {
        String text = spec.redactor().redact(strip(message));
        return spec.redactor().isClean(cause)
                ? new ConfigurationException(code, property, text, cause)
                : new ConfigurationException(code, property, text + " [cause omitted: it contained a secret]");
    }

    /** {@code message} without the code it starts with, if any. */
    static String strip(String message) {
        return MessageCode.of(message).map(code -> message.substring(code.id().length() + 2)).orElse(message);
    }

    private static void disconnectQuietly(PersistenceAdapter adapter) {
        try {
            adapter.disconnect();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "gogoscope: disconnect after a failed connect failed too", e);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
