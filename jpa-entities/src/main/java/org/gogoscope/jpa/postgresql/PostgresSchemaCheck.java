package org.gogoscope.jpa.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * {@link PostgresDialect#schemaProblems}: one catalog query. Each table is resolved as the statements resolve it
 * ({@code to_regclass}, through the session's {@code search_path}); its columns come from {@code pg_attribute} and
 * the account's privileges from {@code has_table_privilege}, which counts grants to PUBLIC and to roles the account
 * is a member of. ({@code information_schema} shows only tables the account has some privilege on, so a table
 * with no grant at all would look missing.)
 *
 * <p>The {@code key} column of each keyed table must compare in code-point order, as {@code postgresql.sql}
 * declares it ({@code COLLATE "C"}): listings read the range {@code [lower, upper)} computed in that order, and
 * under a linguistic collation (e.g. {@code en_US}, where {@code 'a-c'} sorts after {@code 'a.'}) they would
 * silently miss keys. Accepted: a libc collation whose locale is {@code C} or {@code POSIX} (the collations
 * {@code "C"}, {@code "POSIX"}), any collation of the builtin provider (PostgreSQL 17+, code-point order by
 * definition), and the database default when the database's is one of those. Not accepted, though some sort the
 * same way: {@code C.UTF-8} and other libc locales (PostgreSQL itself treats only C and POSIX as code-point
 * order), ICU collations.
 */
final class PostgresSchemaCheck {

    private static final List<String> PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

    private static final String QUERY = "SELECT t.name, c.oid IS NOT NULL,"
            + " coalesce(has_table_privilege(c.oid, 'SELECT'), false),"
            + " coalesce(has_table_privilege(c.oid, 'INSERT'), false),"
            + " coalesce(has_table_privilege(c.oid, 'UPDATE'), false),"
            + " coalesce(has_table_privilege(c.oid, 'DELETE'), false),"
            + " ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
            + " AND NOT a.attisdropped)"
            + " FROM unnest(?::text[]) WITH ORDINALITY AS t(name, n)"
            + " LEFT JOIN pg_class c ON c.oid = to_regclass(t.name)"
            + " ORDER BY t.n";

    /** The collation the key columns need, as the DDL writes it. */
    static final String KEY_COLLATION = "\"C\"";

    /**
     * Per keyed table whose {@code key} column exists: the column's collation, its provider ({@code d} default,
     * {@code c} libc, {@code i} ICU, {@code b} builtin) and its libc locale; then the database default's provider
     * and locale (through {@code to_jsonb}, as {@code datlocprovider} exists from PostgreSQL 15 on and its ICU
     * locale column changed name in 17).
     */
    private static final String COLLATIONS = "SELECT t.name, co.collname::text, co.collprovider::text,"
            + " co.collcollate::text, d.datcollate::text, coalesce(to_jsonb(d) ->> 'datlocprovider', 'c'),"
            + " coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale')"
            + " FROM unnest(?::text[]) WITH ORDINALITY AS t(name, n)"
            + " JOIN pg_attribute a ON a.attrelid = to_regclass(t.name) AND a.attname = 'key' AND NOT a.attisdropped"
            + " JOIN pg_collation co ON co.oid = a.attcollation"
            + " JOIN pg_database d ON d.datname = current_database()"
            + " ORDER BY t.n";

    private PostgresSchemaCheck() {
    }

    static List<String> problems(Connection connection) throws SQLException {
        Map<String, List<String>> required = SqlStatements.COLUMNS;
        List<String> problems = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setArray(1, connection.createArrayOf("text", required.keySet().toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!rs.getBoolean(2)) {
                        problems.add("table " + table + " is missing");
                        continue;
                    }
                    Array array = rs.getArray(7);
                    problems.addAll(SqlStatements.missingColumns(table,
                            new HashSet<>(Arrays.asList((String[]) array.getArray()))));
                    for (int i = 0; i < PRIVILEGES.size(); i++) {
                        if (!rs.getBoolean(3 + i)) {
                            problems.add(PRIVILEGES.get(i) + " on " + table + " is not granted");
                        }
                    }
                }
            }
        }
        problems.addAll(collationProblems(connection));
        return problems;
    }

    /**
     * One line per keyed table whose {@code key} column does not compare in code-point order, naming the column,
     * its collation and the one it needs.
     */
    static List<String> collationProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLLATIONS)) {
            query.setArray(1, connection.createArrayOf("text", PostgresDialect.KEYED_TABLES.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    String provider = rs.getString(3);
                    String locale = rs.getString(4);
                    if ("d".equals(provider)) { // the database's own
                        provider = rs.getString(6);
                        locale = "c".equals(provider) ? rs.getString(5) : rs.getString(7);
                        name = "the database default (" + ("i".equals(provider) ? "ICU " : "") + locale + ")";
                    } else {
                        name = "\"" + name + "\"";
                    }
                    if (!codePointOrder(provider, locale)) {
                        problems.add("column " + rs.getString(1) + ".key has collation " + name + ", must be "
                                + KEY_COLLATION + " (listings compare keys in code-point order)");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean codePointOrder(String provider, String locale) {
        return "b".equals(provider) || ("c".equals(provider) && ("C".equals(locale) || "POSIX".equals(locale)));
    }
}
