package org.gogoscope.jpa.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the SQL backend knows about one database product, in one place: its names, how to recognise it,
 * its statements, its DDL and migration, its driver and pool settings, how it bounds statements, and how its
 * errors read. The generic code ({@code org.gogoscope.jpa}) asks the dialect and never branches on a product.
 *
 * <p>Adding a dialect: a constant in {@code org.gogoscope.jpa.Dialect}, a package
 * {@code org.gogoscope.jpa.<product>} with a subclass of this class, a subclass of {@link SqlStatements} that
 * writes the fragments (and overrides what the product writes differently), the DDL resource next to them, and a
 * conformance test. The jpa-entities README walks through it.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every adapter.
 */
public abstract class SqlDialect {

    private final String displayName;
    private final Set<String> backendNames;
    private final SqlStatements statements;
    private final int maxKeyLength;
    private final String schemaResource;

    /**
     * @param displayName what to call the product in messages, e.g. {@code PostgreSQL}
     * @param backendNames the values of the {@code backend} property that select this dialect, lower case
     * @param statements every statement the storages run, written for this product
     * @param maxKeyLength the largest key, in characters (key prefix included), every table of the DDL accepts
     * @param schemaResource the class-path resource holding the DDL (see {@link #schemaResource(Connection)})
     */
    protected SqlDialect(String displayName, Set<String> backendNames, SqlStatements statements, int maxKeyLength,
            String schemaResource) {
        this.displayName = displayName;
        this.backendNames = Set.copyOf(backendNames);
        this.statements = statements;
        this.maxKeyLength = maxKeyLength;
        this.schemaResource = schemaResource;
    }

    /** The values of the {@code backend} property that select this dialect, lower case, e.g. {@code postgresql}. */
    public final Set<String> backendNames() {
        return backendNames;
    }

    /** Whether a connected database's {@code DatabaseMetaData.getDatabaseProductName()} is this dialect's. */
    public abstract boolean isProduct(String databaseProductName);

    /** What to call the product in messages, e.g. {@code PostgreSQL}. */
    public final String displayName() {
        return displayName;
    }

    /** Every statement the storages run, written for this product. */
    public final SqlStatements statements() {
        return statements;
    }

    /** Largest key, in characters (key prefix included), every table of this dialect's DDL accepts. */
    public final int maxKeyLength() {
        return maxKeyLength;
    }

    /**
     * The class-path resource holding the DDL for the connected server: plain statements a DBA can run. The one
     * given to the constructor, unless the dialect chooses by server (MySQL or MariaDB).
     */
    public String schemaResource(Connection connection) throws SQLException {
        return schemaResource;
    }

    /**
     * Brings tables created by an older schema (go-go-scope's Node adapters, earlier versions of this library) up
     * to this one. Idempotent, and safe when several nodes run it at once.
     */
    public abstract void migrate(Connection connection) throws SQLException;

    /**
     * What keeps the connected account from running the statements on tables it did not create (the store's
     * {@code create-schema=false}: a DBA ran the shipped DDL): tables of {@link SqlStatements#COLUMNS} that are
     * missing, columns the statements use that are missing, and the privileges SELECT, INSERT, UPDATE and DELETE
     * on each table that the account lacks. One line per problem, e.g. {@code table go_goscope_cache is missing},
     * {@code column go_goscope_locks.fencing_token is missing}, {@code DELETE on go_goscope_cache is not granted};
     * {@code column go_goscope_cache.key has collation ..., must be ...} (a key column that does not compare in
     * code-point order, which listings' ranges rely on); empty when nothing is wrong. Only reads the catalog (or
     * runs statements that touch no row). The default checks nothing; SQLite checks no privileges (the file's
     * permissions are the only boundary).
     */
    public List<String> schemaProblems(Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * Driver properties for a pool the adapter owns, derived from the store's {@code timeout}: connect and socket
     * timeouts, SQLite's journal and busy timeout. Empty by default.
     */
    public Map<String, String> driverProperties(Duration timeout) {
        return Map.of();
    }

    /**
     * The SQL that bounds every later statement of a session by {@code millis} (0: no bound), run once per
     * connection of a pool the adapter owns; empty when the product has none that is cheaper than a per-statement
     * query timeout. When present, schema creation runs with the bound lifted.
     */
    public Optional<String> sessionStatementTimeout(long millis) {
        return Optional.empty();
    }

    /**
     * Whether, on a pool the adapter owns, the session already bounds every statement by the timeout (through
     * {@link #sessionStatementTimeout} or a driver property), so statements need no JDBC query timeout.
     */
    public boolean ownPoolBoundsStatements() {
        return sessionStatementTimeout(1).isPresent();
    }

    /**
     * Whether a pool the adapter owns should keep prepared statements per connection: true where preparing
     * compiles SQL on the client on every call and the driver caches nothing (SQLite).
     */
    public boolean cachesPreparedStatements() {
        return false;
    }

    /** The JDBC URL of a store that names none, e.g. a file for an embedded database; empty: the URL is required. */
    public Optional<String> defaultJdbcUrl(String storeName) {
        return Optional.empty();
    }

    /**
     * How the driver of {@code jdbcUrl} reads the values of the URL's query string, when the URL is one of this
     * product's drivers' and that driver takes the user, the password and key store passwords from the query
     * string; the generic code then moves them out of the URL into connection properties (drivers log URLs).
     * Empty (the default) for other URLs, and for a driver whose URL holds no credentials (SQLite): such a URL is
     * left as it is. The URL selects the driver, not the {@code backend} property, so every dialect is asked.
     */
    public Optional<UrlValues> urlValues(String jdbcUrl) {
        return Optional.empty();
    }

    /**
     * What a failed first connection means, when only this product's error codes tell it and the driver's words
     * do not say it plainly (e.g. a server that refuses plaintext answering like a wrong password), or empty (the
     * default). Asked after the generic checks of the certificate (another host's, an untrusted CA's) and before
     * the generic check for a failed TLS handshake; the answer leads the message, before the driver's words.
     *
     * @param e the driver's exception
     * @param described the exception's message with its SQLState and causes
     * @param jdbcUrl the URL connected with, to see whether it turns TLS on; never quote it (it may hold secrets)
     */
    public Optional<String> connectFailureHint(SQLException e, String described, String jdbcUrl) {
        return Optional.empty();
    }

    /** Runs before a pool the adapter owns first connects to {@code jdbcUrl} (e.g. creates a file's directory). */
    public void beforeFirstConnect(String jdbcUrl) {
    }

    /**
     * Whether the database chose the statement as a deadlock or serialization victim and rolled it back as a
     * whole, so it is safe to run again. The standard SQLState {@code 40001} by default.
     */
    public boolean isDeadlock(SQLException e) {
        return "40001".equals(e.getSQLState());
    }

    /**
     * Whether {@code e} says the database is locked by another connection for now and the same request may succeed
     * a moment later (SQLite: {@code SQLITE_BUSY} / {@code SQLITE_LOCKED}, which opening a connection can return at
     * once while another one creates the schema or switches the file to WAL). False by default: a server's lock
     * waits are the server's business.
     */
    public boolean isBusy(SQLException e) {
        return false;
    }

    /** Whether {@code e} reports a unique-constraint violation: SQLState class {@code 23} by default. */
    public boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }

    /** Hibernate's dialect class name when Hibernate cannot find it from the connection; empty by default. */
    public Optional<String> hibernateDialect() {
        return Optional.empty();
    }

    /** Timeout in whole seconds, at least 1: what drivers that take seconds are given. */
    protected static long seconds(Duration timeout) {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
