package org.gogoscope.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.layout.NodeLayout;
import org.gogoscope.core.storage.Storages;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * The SQL backends {@code postgresql}, {@code mysql}, {@code mariadb} and {@code sqlite}: one implementation of
 * the storage SPI for all of them; everything that differs between them is their {@link SqlDialect}'s.
 * {@code connect()} opens the pool (or looks up the container DataSource), checks that the database is the
 * configured kind, and creates and migrates the tables unless told not to. Records are stored in go-go-scope's
 * own key layout ({@link NodeLayout}: {@code Plock:K}, {@code Pcircuit:K}, {@code Pcache:K}), so a Node service
 * on go-go-scope's SQL adapters with the same prefix shares them. Each adapter is one node; adapters
 * on the same database (or SQLite file) see the same locks, breakers, cache, checkpoints and records.
 */
public final class SqlAdapter extends StorageAdapter {

    /**
     * How far below the clock a free lock row's fencing token must be before the purge deletes the row (µs): the
     * DB clock may step back by this much without a token ever repeating.
     */
    static final long LOCK_ROW_GRACE_MICROS = 100_000;

    private final SqlSettings settings;
    private final SqlDialect dialect;
    private final JtaSuspender jta;
    private final NodeLayout layout;
    private volatile ConnectionSource source;
    private volatile PurgeSchedule purges;

    /** Checkpoint ids and task ids carry the key prefix (see {@link SqlProperties#CHECKPOINTS_PREFIXED}). */
    public SqlAdapter(SqlSettings settings, String keyPrefix) {
        this(settings, keyPrefix, true);
    }

    /**
     * @param prefixCheckpoints {@code false} stores checkpoint ids and task ids without the key prefix, as
     *     go-go-scope's Node SQL adapters do (see {@link SqlProperties#CHECKPOINTS_PREFIXED})
     */
    public SqlAdapter(SqlSettings settings, String keyPrefix, boolean prefixCheckpoints) {
        this(settings, settings.dialect().sql(), keyPrefix, prefixCheckpoints, null);
    }

    /** With {@code jta} instead of the JNDI lookup of the container's TransactionManager (tests). */
    SqlAdapter(SqlSettings settings, String keyPrefix, JtaSuspender jta) {
        this(settings, settings.dialect().sql(), keyPrefix, true, jta);
    }

    /** With {@code jta}, when not null, instead of the JNDI lookup of the container's TransactionManager. */
    SqlAdapter(SqlSettings settings, String keyPrefix, boolean prefixCheckpoints, JtaSuspender jta) {
        this(settings, settings.dialect().sql(), keyPrefix, prefixCheckpoints, jta);
    }

    /** Keys are stored in go-go-scope's layout ({@link NodeLayout}), whose type segment takes from the key limit. */
    private SqlAdapter(SqlSettings settings, SqlDialect dialect, String keyPrefix, boolean prefixCheckpoints,
            JtaSuspender jta) {
        super(settings.backend(), keyPrefix, dialect.maxKeyLength() - NodeLayout.LONGEST_TYPE_SEGMENT);
        this.settings = settings;
        this.dialect = dialect;
        this.jta = jta;
        this.layout = new NodeLayout(keyPrefix, prefixCheckpoints);
    }

    public SqlSettings settings() {
        return settings;
    }

    @Override
    protected Storages open() {
        ConnectionSource opened = ConnectionSource.open(settings, jta);
        try {
            int seconds = (int) Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
            Db db = new Db(opened.dataSource(), seconds, opened.jta(), !opened.sessionTimeout(),
                    opened.statementCache(), dialect);
            db.withConnection(connection -> {
                checkDialect(connection);
                if (settings.createSchema()) {
                    createSchema(connection, opened);
                } else {
                    checkSchema(connection);
                }
                return null;
            });
            SqlStatements statements = dialect.statements();
            int batch = settings.purgeBatch();
            purges = new PurgeSchedule(settings.backend(), List.of(
                    new Purger(SqlStatements.CACHE, db, statements.purge(SqlStatements.CACHE), batch),
                    new Purger(SqlStatements.IDEMPOTENCY, db, statements.purge(SqlStatements.IDEMPOTENCY), batch),
                    new Purger(SqlStatements.LOCKS, db, statements.purgeLocks(), batch, "grace", LOCK_ROW_GRACE_MICROS),
                    new Purger(SqlStatements.CIRCUIT, db, statements.purgeCircuits(), batch, "age",
                            -CircuitBreakerStateProvider.CLOSED_STATE_RETENTION.toMillis())),
                    settings.purgeInterval().toMillis());
            Storages storages = layout.over(new Storages(new SqlLockStorage(db, statements, dialect.maxKeyLength()),
                    new SqlCircuitStorage(db, statements, dialect.maxKeyLength()),
                    new SqlCacheStorage(db, statements, dialect.maxKeyLength()),
                    new SqlCheckpointStorage(db, statements), new SqlIdempotencyStorage(db, statements, dialect.maxKeyLength())));
            source = opened;
            return storages;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Runs one purge over every table now, on the caller's thread (tests, and operators through a tool). */
    void purgeNow() {
        PurgeSchedule running = purges;
        if (running == null) {
            throw new IllegalStateException("adapter is not connected");
        }
        call("purge", () -> {
            while (running.runOnce()) {
                // the run stopped at its budget: go on until every table is clean
            }
            return null;
        });
    }

    /** DDL is not bound by the statement timeout (it is not on a container's DataSource either). */
    private void createSchema(Connection connection, ConnectionSource opened) throws SQLException {
        if (!opened.sessionStatementBound()) {
            Schema.create(connection, dialect);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.sessionStatementTimeout(0).orElseThrow());
            Schema.create(connection, dialect);
            statement.execute(dialect.sessionStatementTimeout(settings.timeout().toMillis()).orElseThrow());
        }
    }

    /**
     * With {@code create-schema=false}: fails {@code connect()} when the tables the statements use, their columns
     * or the account's privileges on them are missing, naming each, rather than failing later call by call.
     */
    private void checkSchema(Connection connection) throws SQLException {
        List<String> problems = dialect.schemaProblems(connection);
        if (!problems.isEmpty()) {
            String user = connection.getMetaData().getUserName();
            String account = user == null || user.isBlank() ? "" : " by account '" + user + "'"; // SQLite: none
            throw new SqlFailure("the " + dialect.displayName() + " schema is not usable" + account
                    + " with create-schema=false: "
                    + String.join("; ", problems)
                    + " (the DDL and the grants: jpa-entities README, \"Schema\" and \"Privileges\")", null);
        }
    }

    private void checkDialect(Connection connection) throws SQLException {
        Dialect actual = Dialect.detect(connection.getMetaData());
        if (actual != settings.dialect()) {
            throw new IllegalStateException("backend '" + settings.backend() + "' is connected to "
                    + connection.getMetaData().getDatabaseProductName() + ", which is dialect " + actual);
        }
    }

    @Override
    protected void close(Storages storages) {
        PurgeSchedule running = purges;
        purges = null;
        if (running != null) {
            running.close();
        }
        ConnectionSource open = source;
        source = null;
        if (open != null) {
            open.close();
        }
    }
}
