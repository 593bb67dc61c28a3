package org.gogoscope.jpa;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.config.PropertySet;

/** The store properties of the SQL backends, read once by {@link SqlAdapterFactory}. */
public final class SqlProperties implements PropertySet {

    private static final Set<String> SQL = Dialect.backendNames();

    public static final Property<String> DATASOURCE = Property.text("datasource").backends(SQL)
            .meaning("JNDI name of a container DataSource (e.g. `java:jboss/datasources/App`). Exclusive with "
                    + "`jdbc.url`. A name in an application namespace (`java:comp/`, `java:module/`, `java:app/`, "
                    + "`java:global/`) not bound yet at deployment connects on first use.");

    public static final Property<String> DATASOURCE_BEAN = Property.text("datasource-bean").backends(SQL)
            .meaning("The application's CDI bean of type `javax.sql.DataSource` to use, for runtimes without JNDI "
                    + "(Quarkus, Helidon): `default` for the unqualified one, else the name of a named one "
                    + "(`@Named(\"x\")`, Quarkus' `@DataSource(\"x\")`). Exclusive with `datasource` and "
                    + "`jdbc.url`. The runtime owns it: the store never closes it.");

    public static final Property<String> JDBC_URL = Property.text("jdbc.url").backends(SQL)
            .must(url -> url.startsWith("jdbc:"), "a JDBC URL starting with jdbc:")
            .defaultShown("required unless `datasource` or `datasource-bean`; "
                    + "sqlite: `jdbc:sqlite:gogoscope-<store>.db`")
            .meaning("JDBC URL; the adapter then runs its own HikariCP pool. `user`/`password` in its query string "
                    + "and every `*password*` parameter (e.g. `sslpassword`) are moved out of the URL the driver sees "
                    + "and passed as connection properties. TLS: the driver's URL parameters (jpa-entities README, "
                    + "\"TLS\").");

    public static final Property<String> JDBC_USER = Property.text("jdbc.user").backends(SQL)
            .meaning("Database user of the adapter's own pool.");

    public static final Property<String> JDBC_PASSWORD = Property.secret("jdbc.password").backends(SQL)
            .meaning("Database password of the adapter's own pool (never shown).");

    public static final Property<Integer> POOL_SIZE = Property.integer("jdbc.pool-size").backends(SQL)
            .defaultValue(10, "`10`").must(size -> size >= 1, ">= 1")
            .meaning("Maximum connections of the adapter's own pool (it keeps at most 2 idle).");

    public static final Property<Boolean> CREATE_SCHEMA = Property.bool("create-schema").backends(SQL)
            .defaultValue(true, "`true`")
            .meaning("Create the tables and migrate older ones on connect; `false` when DBAs run the shipped DDL: "
                    + "connect then checks the tables, columns and the account's privileges (jpa-entities README, "
                    + "\"Privileges\").");

    public static final Property<Duration> TIMEOUT = Property.duration("timeout").backends(SQL)
            .defaultValue(Duration.ofSeconds(5), "`5s`").must(Property.atLeast(Duration.ofMillis(250)), "at least 250ms")
            .meaning("Bound on getting a connection and on each statement; also the drivers' connect and socket "
                    + "timeouts (socket: twice this) and SQLite's `busy_timeout`.");

    public static final Property<Duration> PURGE_INTERVAL = Property.duration("purge.interval").backends(SQL)
            .defaultValue(Duration.ofSeconds(10), "`10s`").must(d -> !d.isNegative(), "at least 0s")
            .meaning("How often each node's purge thread deletes expired cache and idempotency rows and lock rows "
                    + "no fencing token depends on; a run goes on while it finds full batches. `0` turns it off "
                    + "(then purge by hand: expired rows are invisible but take space).");

    public static final Property<Integer> PURGE_BATCH = Property.integer("purge.batch").backends(SQL)
            .defaultValue(500, "`500`").must(size -> size >= 1, ">= 1")
            .meaning("Rows deleted per purge statement.");

    public static final Property<Boolean> CHECKPOINTS_PREFIXED = Property.bool("checkpoints.prefixed").backends(SQL)
            .defaultValue(true, "`true`")
            .meaning("Checkpoint ids and task ids carry the store's `key-prefix`, so stores with different prefixes "
                    + "never see each other's tasks. `false` stores them as given, as go-go-scope's Node SQL adapters "
                    + "do: needed to share checkpoints with a Node service (README, \"Running beside go-go-scope\").");

    @Override
    public String module() {
        return "gogoscope-jpa";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(DATASOURCE, DATASOURCE_BEAN, JDBC_URL, JDBC_USER, JDBC_PASSWORD, POOL_SIZE, CREATE_SCHEMA, TIMEOUT,
                PURGE_INTERVAL, PURGE_BATCH, CHECKPOINTS_PREFIXED);
    }
}
