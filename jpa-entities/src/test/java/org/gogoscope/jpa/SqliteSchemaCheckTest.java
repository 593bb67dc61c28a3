package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.gogoscope.api.BackendException;
import org.junit.jupiter.api.Test;

/**
 * {@code create-schema=false} on SQLite: {@code connect()} checks the file's tables, their columns and the key
 * columns' collation, and fails naming each problem as the PostgreSQL and MariaDB checks do. Each test uses a file
 * of its own under {@code target/sqlite}, made by the adapter itself ({@code create-schema=true}) and then changed
 * as a DBA's hand-made or older schema might be.
 */
class SqliteSchemaCheckTest {

    private static SqlSettings file(String name) {
        return SqlSettings.sqliteFile("target/sqlite/check-" + name + "-" + UUID.randomUUID() + ".db");
    }

    /** Creates the shipped schema in the file, then runs {@code changes} on it. */
    private static void createThen(SqlSettings settings, String... changes) throws SQLException {
        SqlAdapter creator = new SqlAdapter(settings.withCreateSchema(true), "t:");
        creator.connect();
        creator.disconnect();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
                Statement sql = connection.createStatement()) {
            for (String change : changes) {
                sql.execute(change);
            }
        }
    }

    @Test
    void theShippedSchemaPassesTheCheck() throws SQLException {
        SqlSettings settings = file("ok");
        createThen(settings);
        SqlAdapter adapter = new SqlAdapter(settings.withCreateSchema(false), "t:");
        adapter.connect();
        try {
            adapter.cache().set("k", 1);
            assertThat(adapter.cache().keys("*")).containsExactly("k");
        } finally {
            adapter.disconnect();
        }
    }

    @Test
    void aMissingTableAndAMissingColumnFailConnectNamingThem() throws SQLException {
        SqlSettings settings = file("partial");
        createThen(settings, "DROP TABLE go_goscope_circuit_records",
                "ALTER TABLE go_goscope_locks DROP COLUMN fencing_token");
        SqlAdapter adapter = new SqlAdapter(settings.withCreateSchema(false), "t:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("sqlite connect failed")
                .hasMessageContaining("the SQLite schema is not usable with create-schema=false: ")
                .hasMessageContaining("create-schema=false: column go_goscope_locks.fencing_token is missing; "
                        + "table go_goscope_circuit_records is missing (");
        assertThat(adapter.isConnected()).isFalse();
    }

    /** Under NOCASE {@code 'K'} and {@code 'k'} would be one key, and listings' code-point ranges would miss keys. */
    @Test
    void aKeyColumnCollatedNocaseFailsConnectNamingIt() throws SQLException {
        SqlSettings settings = file("nocase");
        createThen(settings, "DROP TABLE go_goscope_cache",
                "CREATE TABLE go_goscope_cache (key TEXT COLLATE NOCASE PRIMARY KEY, value TEXT NOT NULL,"
                        + " expires_at TEXT)");
        SqlAdapter adapter = new SqlAdapter(settings.withCreateSchema(false), "t:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("create-schema=false: column go_goscope_cache.key has collation NOCASE,"
                        + " must be BINARY (");
    }
}
