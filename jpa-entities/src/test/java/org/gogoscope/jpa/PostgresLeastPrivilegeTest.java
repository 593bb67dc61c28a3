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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code create-schema=false} with the least privileges the README's "Privileges" section lists, on PostgreSQL:
 * a schema of the test's own made from the shipped {@code postgresql.sql}, a login role with exactly USAGE on the
 * schema and SELECT, INSERT, UPDATE, DELETE on its tables runs the whole conformance kit; a role without DELETE
 * on one table, a schema with a table and a column missing, and one whose cache key column has a linguistic
 * collation, fail {@code connect()} naming what is wrong; with {@code create-schema=true} the owner's migration
 * gives such a column {@code COLLATE "C"}. Schemas and roles are named {@code gogo_lp_<random>} and dropped afterwards.
 */
class PostgresLeastPrivilegeTest {

    private static final String ID = "gogo_lp_" + Long.toString(System.nanoTime() & 0xffffffffL, 36);
    private static final String SCHEMA = ID;
    private static final String PARTIAL = ID + "_partial";
    private static final String COLLATED = ID + "_collated";
    private static final String COLLATED_DDL = ID + "_collated_ddl";
    /** A linguistic collation every PostgreSQL built with ICU has (Debian's does): {@code 'a-c'} sorts after {@code 'a.'}. */
    private static final String LINGUISTIC = "en-US-x-icu";
    private static final String APP = ID + "_app";
    private static final String NO_DELETE = ID + "_nodelete";
    private static final String DDL_SCHEMA = ID + "_ddl";
    private static final String DDL = ID + "_ddl";
    private static final SqlSettings ADMIN = TestDatabases.postgresql();

    @BeforeAll
    static void createSchemasAndRoles() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            for (String schema : new String[] {SCHEMA, PARTIAL, COLLATED, COLLATED_DDL}) {
                sql.execute("CREATE SCHEMA " + schema);
                sql.execute("SET search_path TO " + schema);
                for (String ddl : Schema.statements(Dialect.POSTGRESQL.sql().schemaResource(admin))) {
                    sql.execute(ddl); // what a DBA runs: the shipped DDL, unchanged
                }
            }
            sql.execute("DROP TABLE " + PARTIAL + ".go_goscope_circuit_records");
            sql.execute("ALTER TABLE " + PARTIAL + ".go_goscope_locks DROP COLUMN fencing_token");
            for (String schema : new String[] {COLLATED, COLLATED_DDL}) {
                // what another DDL (or a DBA's edit) may leave: the key compared in a language's order
                sql.execute("ALTER TABLE " + schema + ".go_goscope_cache ALTER COLUMN key TYPE TEXT COLLATE \""
                        + LINGUISTIC + "\"");
            }
            sql.execute("SET search_path TO DEFAULT");
            for (String role : new String[] {APP, NO_DELETE}) {
                // exactly the README's no-DDL grants
                sql.execute("CREATE ROLE " + role + " LOGIN");
                sql.execute("GRANT USAGE ON SCHEMA " + SCHEMA + ", " + PARTIAL + ", " + COLLATED + " TO " + role);
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + role);
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + PARTIAL + " TO " + role);
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + COLLATED + " TO " + role);
            }
            sql.execute("REVOKE DELETE ON " + SCHEMA + ".go_goscope_cache FROM " + NO_DELETE);
            // DDL mode: the README's grants for an account that creates (and so owns) the tables
            sql.execute("CREATE SCHEMA " + DDL_SCHEMA);
            sql.execute("CREATE ROLE " + DDL + " LOGIN");
            sql.execute("GRANT USAGE, CREATE ON SCHEMA " + DDL_SCHEMA + " TO " + DDL);
        }
    }

    @AfterAll
    static void dropSchemasAndRoles() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS " + PARTIAL + " CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS " + COLLATED + " CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS " + COLLATED_DDL + " CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS " + DDL_SCHEMA + " CASCADE");
            for (String role : new String[] {APP, NO_DELETE, DDL}) {
                sql.execute("DROP OWNED BY " + role);
                sql.execute("DROP ROLE " + role);
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN.jdbcUrl(), ADMIN.user(), ADMIN.password());
    }

    /** The application's store: its own schema (pgJDBC {@code currentSchema}), no DDL. */
    static SqlSettings app(String role, String schema) {
        String url = ADMIN.jdbcUrl() + (ADMIN.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new SqlSettings("postgresql", url, role, null, 4, null, null, false, ADMIN.timeout(),
                SqlSettings.DEFAULT_PURGE_INTERVAL, SqlSettings.DEFAULT_PURGE_BATCH);
    }

    @Test
    void aMissingGrantFailsConnectNamingIt() {
        SqlAdapter adapter = new SqlAdapter(app(NO_DELETE, SCHEMA), "lp:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("postgresql connect failed")
                .hasMessageContaining("account '" + NO_DELETE + "'")
                .hasMessageContaining("create-schema=false: DELETE on go_goscope_cache is not granted (");
        assertThat(adapter.isConnected()).isFalse();
    }

    @Test
    void aMissingTableAndAMissingColumnFailConnectNamingThem() {
        SqlAdapter adapter = new SqlAdapter(app(APP, PARTIAL), "lp:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("column go_goscope_locks.fencing_token is missing; "
                        + "table go_goscope_circuit_records is missing (");
    }

    /** Under en-US, {@code keys("a-*")} reads {@code ['a-', 'a.')} and would miss {@code a-c}, which sorts after it. */
    @Test
    void aKeyColumnWithALinguisticCollationFailsConnectNamingIt() {
        SqlAdapter adapter = new SqlAdapter(app(APP, COLLATED), "lp:");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("create-schema=false: column go_goscope_cache.key has collation \""
                        + LINGUISTIC + "\", must be \"C\" (listings compare keys in code-point order) (");
        assertThat(adapter.isConnected()).isFalse();
    }

    @Test
    void inDdlModeTheMigrationGivesALinguisticKeyColumnCollateC() throws SQLException {
        SqlSettings owner = ADMIN;
        String url = owner.jdbcUrl() + (owner.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + COLLATED_DDL;
        SqlAdapter adapter = new SqlAdapter(new SqlSettings("postgresql", url, owner.user(), owner.password(), 2,
                null, null, true, owner.timeout(), java.time.Duration.ZERO, SqlSettings.DEFAULT_PURGE_BATCH), "lp:");
        adapter.connect();
        try {
            adapter.cache().set("a-c", 1);
            adapter.cache().set("a-", 2);
            adapter.cache().set("a.", 3);
            assertThat(adapter.cache().keys("a-*")).containsExactlyInAnyOrder("a-", "a-c");
        } finally {
            adapter.disconnect();
        }
        try (Connection admin = admin(); Statement sql = admin.createStatement();
                java.sql.ResultSet rs = sql.executeQuery("SELECT collation_name FROM information_schema.columns"
                        + " WHERE table_schema = '" + COLLATED_DDL + "' AND table_name = 'go_goscope_cache'"
                        + " AND column_name = 'key'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("C");
        }
    }

    @Test
    void inDdlModeAnAccountWithUsageAndCreateOnTheSchemaCreatesTheTablesItself() {
        SqlSettings ddl = app(DDL, DDL_SCHEMA).withCreateSchema(true);
        SqlAdapter adapter = new SqlAdapter(ddl, "lp:");
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("k", java.time.Duration.ofSeconds(5))).isPresent();
        } finally {
            adapter.disconnect();
        }
        SqlAdapter again = new SqlAdapter(ddl, "lp:"); // the DDL and the migration again, on its own tables
        again.connect();
        again.disconnect();
    }

    @Nested
    class ExactGrantsRunTheKit extends ConformanceSuite {
        @Override
        protected BackendFixture fixture() {
            return new SqlFixture(app(APP, SCHEMA));
        }
    }
}
