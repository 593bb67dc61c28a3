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
import java.util.Set;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * {@link PostgresDialect#schemaProblems}: one catalog query. Each table is resolved as the statements resolve it
 * ({@code to_regclass}, through the session's {@code search_path}); its columns come from {@code pg_attribute} and
 * the account's privileges from {@code has_table_privilege}, which counts grants to PUBLIC and to roles the account
 * is a member of. ({@code information_schema} shows only tables the account has some privilege on, so a table
 * with no grant at all would look missing.)
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
                    Set<String> present = new HashSet<>(Arrays.asList((String[]) array.getArray()));
                    for (String column : required.get(table)) {
                        if (!present.contains(column)) {
                            problems.add("column " + table + "." + column + " is missing");
                        }
                    }
                    for (int i = 0; i < PRIVILEGES.size(); i++) {
                        if (!rs.getBoolean(3 + i)) {
                            problems.add(PRIVILEGES.get(i) + " on " + table + " is not granted");
                        }
                    }
                }
            }
        }
        return problems;
    }
}
