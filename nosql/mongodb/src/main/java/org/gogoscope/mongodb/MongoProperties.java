package org.gogoscope.mongodb;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.tls.TlsStoreProperties;
import org.gogoscope.core.config.PropertySet;

/** The store properties of the MongoDB backend, read once by {@link MongoAdapterFactory}. */
public final class MongoProperties implements PropertySet {

    private static final Set<String> MONGODB = Set.of("mongodb");

    public static final Property<String> URI = Property.text("mongodb.uri").backends(MONGODB)
            .defaultShown("required")
            .meaning("`mongodb://` or `mongodb+srv://` connection string. Credentials in it are never shown. TLS: "
                    + "`tls=true` (on by default for `mongodb+srv://`); `tlsAllowInvalidHostnames=true` turns the "
                    + "host name check off.");

    public static final Property<String> DATABASE = Property.text("mongodb.database").backends(MONGODB)
            .defaultShown("the URI's database, else `gogoscope`")
            .meaning("Database holding the collections.");

    public static final Property<String> WRITE_CONCERN = Property.text("mongodb.write-concern").backends(MONGODB)
            .defaultValue("majority", "`majority`")
            .must(value -> value.equalsIgnoreCase("majority") || value.matches("\\+?0*[1-9][0-9]{0,8}"),
                    "majority or a number of members >= 1")
            .meaning("Write concern of every write.");

    public static final Property<String> READ_CONCERN = Property.oneOf("mongodb.read-concern", "majority", "local",
            "linearizable", "available").backends(MONGODB).defaultValue("majority", "`majority`")
            .meaning("Read concern of every read.");

    public static final Property<Duration> TIMEOUT = Property.duration("timeout").backends(MONGODB)
            .defaultValue(MongoConfig.DEFAULT_TIMEOUT, "`5s`").must(Property.atLeast(Duration.ofMillis(1)), "at least 1ms")
            .meaning("Server selection and operation timeout.");

    public static final Property<Duration> GC_GRACE = Property.duration("mongodb.gc-grace").backends(MONGODB)
            .defaultValue(MongoConfig.DEFAULT_GC_GRACE, "`0s`").must(d -> !d.isNegative(), "at least 0s")
            .meaning("Added to `expiresAt`, the TTL-index date of every document, which is otherwise the real "
                    + "expiry (as go-go-scope's Node adapters write and read it). Raise it when the JVMs' clocks may "
                    + "run behind the server's: expiry is always checked on the server's clock, but MongoDB's TTL "
                    + "monitor deletes by `expiresAt`, and a Node service then sees this library's locks and entries "
                    + "live for the grace too.");

    public static final Property<Boolean> CREATE_INDEXES = Property.bool("mongodb.create-indexes").backends(MONGODB)
            .defaultValue(true, "`true`")
            .meaning("Create the collections' indexes (and the record collection) on connect; `false` when a DBA "
                    + "creates them and the account may not (no `createIndex`, no `createCollection`): connect then "
                    + "checks that they exist and fails naming each one missing (mongodb README, \"Privileges\").");

    public static final Property<String> TLS_TRUST_STORE = Property.text("mongodb.tls.trust-store").backends(MONGODB)
            .defaultShown("the JVM's default trust")
            .meaning("File of the certificates trusted to sign the servers' certificates (the CA of a managed "
                    + "MongoDB): PKCS12, JKS or PEM, see `mongodb.tls.trust-store-type`. Needs TLS on in the URI "
                    + "(`tls=true`, or `mongodb+srv://`). Read on each connect.");

    public static final Property<String> TLS_TRUST_STORE_PASSWORD = Property.secret("mongodb.tls.trust-store-password")
            .backends(MONGODB).meaning("Password of the trust store, if it has one (never shown).");

    public static final Property<String> TLS_TRUST_STORE_TYPE = Property.oneOf("mongodb.tls.trust-store-type",
            "pkcs12", "jks", "pem").backends(MONGODB).defaultValue("pkcs12", "`pkcs12`")
            .meaning("`pem`: one or more X.509 certificates, PEM or DER.");

    public static final Property<String> TLS_KEY_STORE = Property.text("mongodb.tls.key-store").backends(MONGODB)
            .defaultShown("none")
            .meaning("File of the client certificate and its private key, for servers that ask for one "
                    + "(mongod with `--tlsCAFile` and without `--tlsAllowConnectionsWithoutCertificates`, or X.509 "
                    + "authentication): PKCS12 or JKS. Needs TLS on in the "
                    + "URI. Read on each connect.");

    public static final Property<String> TLS_KEY_STORE_PASSWORD = Property.secret("mongodb.tls.key-store-password")
            .backends(MONGODB).meaning("Password of the key store and of its key (never shown).");

    public static final Property<String> TLS_KEY_STORE_TYPE = Property.oneOf("mongodb.tls.key-store-type", "pkcs12",
            "jks").backends(MONGODB).defaultValue("pkcs12", "`pkcs12`").meaning("Type of `mongodb.tls.key-store`.");

    /** The six store properties above, as core reads them. */
    static final TlsStoreProperties TLS_STORES = new TlsStoreProperties(TLS_TRUST_STORE, TLS_TRUST_STORE_PASSWORD,
            TLS_TRUST_STORE_TYPE, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD, TLS_KEY_STORE_TYPE);

    @Override
    public String module() {
        return "gogoscope-mongodb";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(URI, DATABASE, WRITE_CONCERN, READ_CONCERN, TIMEOUT, GC_GRACE, CREATE_INDEXES,
                TLS_TRUST_STORE, TLS_TRUST_STORE_PASSWORD, TLS_TRUST_STORE_TYPE, TLS_KEY_STORE, TLS_KEY_STORE_PASSWORD,
                TLS_KEY_STORE_TYPE);
    }
}
