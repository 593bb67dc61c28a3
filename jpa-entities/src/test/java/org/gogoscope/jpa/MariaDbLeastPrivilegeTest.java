package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.gogoscope.api.BackendException;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.gogoscope.jpa.dialect.SqlStatements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code create-schema=false} with the least privileges the README's "Privileges" section lists, on MariaDB: a
 * database of the test's own made from the shipped {@code mariadb.sql}, a user with exactly SELECT, INSERT,
 * UPDATE, DELETE on each of its tables runs the whole conformance kit; a user without DELETE on one table, a
 * database with a table and a column missing, and one whose cache key column has a case-insensitive collation,
 * fail {@code connect()} naming what is wrong; with {@code create-schema=true} the migration gives such a column
 * the binary collation. Databases and users
 * are named {@code gogo_lp_<random>} and dropped afterwards.
 */
class MariaDbLeastPrivilegeTest {

    private static final String ID = "gogo_lp_" + Long.toString(System.nanoTime() & 0xffffffffL, 36);
    private static final String DATABASE = ID;
    private static final String PARTIAL = ID + "_partial";
    private static final String COLLATED = ID + "_collated";
    private static final String COLLATED_DDL = ID + "_collated_ddl";
    private static final String APP = ID + "_app";
    private static final String NO_DELETE = ID + "_nodelete";
    private static final String DDL_DATABASE = ID + "_ddl";
    private static final String DDL = ID + "_ddl";
    private static final String PASSWORD = "lp-S3cr3t-" + ID;
    private static final SqlSettings ADMIN = TestDatabases.mariadb();

    @BeforeAll
    static void createDatabasesAndUsers() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            for (String database : new String[] {DATABASE, PARTIAL, COLLATED, COLLATED_DDL}) {
                sql.execute("CREATE DATABASE " + database);
                admin.setCatalog(database);
                for (String ddl : Schema.statements(Dialect.MYSQL.sql().schemaResource(admin))) {
                    sql.execute(ddl); // what a DBA runs: the shipped DDL, unchanged
                }
            }
            sql.execute("DROP TABLE " + PARTIAL + ".go_goscope_circuit_records");
            sql.execute("ALTER TABLE " + PARTIAL + ".go_goscope_locks DROP COLUMN fencing_token");
            for (String database : new String[] {COLLATED, COLLATED_DDL}) {
                // a column-level collation: the table's default stays binary
                sql.execute("ALTER TABLE " + database + ".go_goscope_cache MODIFY `key` VARCHAR(255)"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL");
            }
            for (String user : new String[] {APP, NO_DELETE}) {
                sql.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
                // exactly the README's no-DDL grants, table by table
                for (String table : SqlStatements.COLUMNS.keySet()) {
                    String privileges = user.equals(NO_DELETE) && table.equals(SqlStatements.CACHE)
                            ? "SELECT, INSERT, UPDATE" : "SELECT, INSERT, UPDATE, DELETE";
                    sql.execute("GRANT " + privileges + " ON " + DATABASE + "." + table + " TO '" + user + "'@'%'");
                }
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + PARTIAL + ".* TO '" + user + "'@'%'");
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + COLLATED + ".* TO '" + user + "'@'%'");
            }
            // DDL mode: the README's grants for an account that creates and migrates the tables
            sql.execute("CREATE DATABASE " + DDL_DATABASE);
            sql.execute("CREATE USER '" + DDL + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER ON " + DDL_DATABASE + ".* TO '" + DDL
                    + "'@'%'");
        }
    }

    @AfterAll
    static void dropDatabasesAndUsers() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("DROP DATABASE IF EXISTS " + PARTIAL);
            sql.execute("DROP DATABASE IF EXISTS " + COLLATED);
            sql.execute("DROP DATABASE IF EXISTS " + COLLATED_DDL);
            sql.execute("DROP DATABASE IF EXISTS " + DDL_DATABASE);
            for (String user : new String[] {APP, NO_DELETE, DDL}) {
                sql.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN.jdbcUrl(), ADMIN.user(), ADMIN.password());
    }

    /** The application's store: its own database, no DDL. */
    static SqlSettings app(String backend, String user, String database) {
        String url = ADMIN.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:" + backend + ":")
                .replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
        return new SqlSettings(backend, url, user, PASSWORD, 4, null, null, false, ADMIN.timeout(),
                SqlSettings.DEFAULT_PURGE_INTERVAL, SqlSettings.DEFAULT_PURGE_BATCH);
    }

    @Test
    void aMissingGrantFailsConnectNamingIt() {
        for (String driver : new String[] {"mariadb", "mysql"}) {
            SqlAdapter adapter = new SqlAdapter(app(driver, NO_DELETE, DATABASE), "lp:");
            assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                    .hasMessageContaining(driver + " connect failed")
                    .hasMessageContaining("account '" + NO_DELETE)
                    .hasMessageContaining("create-schema=false: DELETE on go_goscope_cache is not granted (")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(adapter.isConnected()).isFalse();
        }
    }

    @Test
    void aMissingTableAndAMissingColumnFailConnectNamingThem() {
        SqlAdapter adapter = new SqlAdapter(app("mariadb", APP, PARTIAL), "lp:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("column go_goscope_locks.fencing_token is missing; "
                        + "table go_goscope_circuit_records is missing (or this account has no privilege on it) (");
    }

    /** Under utf8mb4_general_ci, {@code 'K'} and {@code 'k'} would be one key, and listings' ranges would miss keys. */
    @Test
    void aKeyColumnWithACaseInsensitiveCollationFailsConnectNamingIt() {
        SqlAdapter adapter = new SqlAdapter(app("mariadb", APP, COLLATED), "lp:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("create-schema=false: column go_goscope_cache.key has collation"
                        + " utf8mb4_general_ci, must be utf8mb4_nopad_bin (");
        assertThat(adapter.isConnected()).isFalse();
    }

    @Test
    void inDdlModeTheMigrationGivesACaseInsensitiveKeyColumnTheBinaryCollation() throws SQLException {
        String url = ADMIN.jdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + COLLATED_DDL);
        SqlAdapter adapter = new SqlAdapter(new SqlSettings("mariadb", url, ADMIN.user(), ADMIN.password(), 2, null,
                null, true, ADMIN.timeout(), java.time.Duration.ZERO, SqlSettings.DEFAULT_PURGE_BATCH), "lp:");
        adapter.connect();
        try {
            adapter.cache().set("K", 1);
            adapter.cache().set("k", 2);
            assertThat(adapter.cache().get("K", Integer.class)).contains(1);
            assertThat(adapter.cache().keys("?")).containsExactlyInAnyOrder("K", "k");
        } finally {
            adapter.disconnect();
        }
        try (Connection admin = admin(); Statement sql = admin.createStatement();
                java.sql.ResultSet rs = sql.executeQuery("SELECT COLLATION_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = '" + COLLATED_DDL + "' AND TABLE_NAME = 'go_goscope_cache'"
                        + " AND COLUMN_NAME = 'key'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("utf8mb4_nopad_bin");
        }
    }

    @Test
    void inDdlModeAnAccountWithCreateAndAlterCreatesTheTablesItself() {
        SqlSettings ddl = app("mariadb", DDL, DDL_DATABASE).withCreateSchema(true);
        SqlAdapter adapter = new SqlAdapter(ddl, "lp:");
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("k", java.time.Duration.ofSeconds(5))).isPresent();
        } finally {
            adapter.disconnect();
        }
        SqlAdapter again = new SqlAdapter(ddl, "lp:"); // the DDL and the migration again, on existing tables
        again.connect();
        again.disconnect();
    }

    @Nested
    class ExactGrantsRunTheKit extends ConformanceSuite {
        @Override
        protected BackendFixture fixture() {
            return new SqlFixture(app("mariadb", APP, DATABASE));
        }
    }
}
