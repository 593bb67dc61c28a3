package org.gogoscope.jpa;

import java.sql.Connection;
import org.gogoscope.core.StorageAdapter;
import org.gogoscope.core.storage.Storages;

/**
 * The SQL backends {@code postgresql}, {@code mysql}, {@code mariadb} and {@code sqlite}: one implementation of
 * the storage SPI for all of them, differing only in the native SQL of their {@link SqlStatements} class.
 * {@code connect()} opens the pool (or looks up the container DataSource), checks that the database is the
 * configured kind, and creates and migrates the tables unless told not to. Each adapter is one node; adapters
 * on the same database (or SQLite file) see the same locks, breakers, cache, checkpoints and records.
 */
public final class SqlAdapter extends StorageAdapter {

    private final SqlSettings settings;
    private final SqlStatements statements;
    private final JtaSuspender jta;
    private volatile ConnectionSource source;

    public SqlAdapter(SqlSettings settings, String keyPrefix) {
        this(settings, keyPrefix, null);
    }

    /** With {@code jta} instead of the JNDI lookup of the container's TransactionManager (tests). */
    SqlAdapter(SqlSettings settings, String keyPrefix, JtaSuspender jta) {
        this(settings, settings.dialect().statements(), keyPrefix, jta);
    }

    private SqlAdapter(SqlSettings settings, SqlStatements statements, String keyPrefix, JtaSuspender jta) {
        super(settings.backend(), keyPrefix, statements.maxKeyLength());
        this.settings = settings;
        this.statements = statements;
        this.jta = jta;
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
                    opened.statementCache());
            db.withConnection(connection -> {
                checkDialect(connection);
                if (settings.createSchema()) {
                    createSchema(connection, opened);
                }
                return null;
            });
            long interval = settings.purgeInterval().toMillis();
            int batch = settings.purgeBatch();
            Storages storages = new Storages(new SqlLockStorage(db, statements), new SqlCircuitStorage(db, statements),
                    new SqlCacheStorage(db, statements,
                            new Purger(db, statements.purge(SqlStatements.CACHE), interval, batch)),
                    new SqlCheckpointStorage(db, statements),
                    new SqlIdempotencyStorage(db, statements,
                            new Purger(db, statements.purge(SqlStatements.IDEMPOTENCY), interval, batch)));
            source = opened;
            return storages;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** DDL is not bound by the statement timeout (it is not on a container's DataSource either). */
    private void createSchema(Connection connection, ConnectionSource opened) throws java.sql.SQLException {
        if (!opened.postgresSessionTimeout()) {
            Schema.create(connection, statements);
            return;
        }
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(ConnectionSource.statementTimeoutSql(0));
            Schema.create(connection, statements);
            statement.execute(ConnectionSource.statementTimeoutSql(settings.timeout().toMillis()));
        }
    }

    private void checkDialect(Connection connection) throws java.sql.SQLException {
        Dialect actual = Dialect.detect(connection.getMetaData());
        if (actual != settings.dialect()) {
            throw new IllegalStateException("backend '" + settings.backend() + "' is connected to "
                    + connection.getMetaData().getDatabaseProductName() + ", which is dialect " + actual);
        }
    }

    @Override
    protected void close(Storages storages) {
        ConnectionSource open = source;
        source = null;
        if (open != null) {
            open.close();
        }
    }
}
