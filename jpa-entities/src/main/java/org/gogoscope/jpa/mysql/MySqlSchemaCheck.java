package org.gogoscope.jpa.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * {@link MySqlDialect#schemaProblems}: the columns from {@code information_schema.COLUMNS} of the connection's
 * database (one query with bound table names), then, per table that has them all, one statement per privilege
 * that touches no row ({@code WHERE 1 = 0}) and is refused with ER_TABLEACCESS_DENIED_ERROR (1142) or
 * ER_COLUMNACCESS_DENIED_ERROR (1143) if the account lacks it. The server decides, from whatever grants it has
 * (global, database, table, column, roles), exactly as it will for the real statements; reading
 * {@code TABLE_PRIVILEGES} / {@code SCHEMA_PRIVILEGES} / {@code USER_PRIVILEGES} would have to re-implement
 * that. {@code information_schema} lists only tables the account has some privilege on, so a table with no
 * grant at all is reported as missing.
 *
 * <p>The key columns ({@code key} of the keyed tables, {@code id} and {@code task_id} of the checkpoints) must
 * have a binary no-pad collation, as {@code mariadb.sql} / {@code mysql.sql} declare them: listings read the range
 * {@code [lower, upper)} computed in code-point order, and keys are case-sensitive with trailing spaces
 * significant. Under a linguistic or case-insensitive collation (e.g. {@code utf8mb4_general_ci}) listings would
 * silently miss keys and {@code 'K'} would be the same key as {@code 'k'}; under the PAD SPACE
 * {@code utf8mb4_bin}, {@code 'k'} would be {@code 'k '}.
 */
final class MySqlSchemaCheck {

    private static final Pattern DENIED = Pattern.compile("(?i)\\b(SELECT|INSERT|UPDATE|DELETE) command denied");
    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final int COLUMN_ACCESS_DENIED = 1143;

    /** The columns whose collation decides key order and equality, by table. */
    private static final Map<String, List<String>> KEY_COLUMNS = Map.of(
            SqlStatements.LOCKS, List.of("key"), SqlStatements.CIRCUIT, List.of("key"),
            SqlStatements.CACHE, List.of("key"), SqlStatements.IDEMPOTENCY, List.of("key"),
            SqlStatements.CIRCUIT_RECORDS, List.of("key"), SqlStatements.CHECKPOINTS, List.of("id", "task_id"));

    /** Binary no-pad collations: MariaDB's and MySQL 8's. */
    private static final Set<String> NO_PAD_BINARY = Set.of("utf8mb4_nopad_bin", MySqlDialect.MYSQL_8_COLLATION);

    private MySqlSchemaCheck() {
    }

    static List<String> problems(Connection connection) throws SQLException {
        Map<String, List<String>> required = SqlStatements.COLUMNS;
        Map<String, Set<String>> present = new HashMap<>();
        Map<String, String> collations = new HashMap<>();
        String in = required.keySet().stream().map(t -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (" + in + ")")) {
            int index = 1;
            for (String table : required.keySet()) {
                query.setString(index++, table);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    present.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
                    collations.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                }
            }
        }
        String keyCollation = MySqlDialect.keyCollation(connection);
        Set<String> problems = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> table : required.entrySet()) {
            Set<String> columns = present.get(table.getKey());
            if (columns == null) {
                problems.add("table " + table.getKey() + " is missing (or this account has no privilege on it)");
                continue;
            }
            List<String> missing = SqlStatements.missingColumns(table.getKey(), columns);
            if (!missing.isEmpty()) {
                problems.addAll(missing);
                continue;
            }
            for (String column : KEY_COLUMNS.get(table.getKey())) {
                String collation = collations.get(table.getKey() + "." + column);
                // no collation: a binary string type, which compares bytes (UTF-8: code points)
                if (collation != null && !keyCollation.equalsIgnoreCase(collation) && !NO_PAD_BINARY.contains(collation)) {
                    problems.add("column " + table.getKey() + "." + column + " has collation " + collation
                            + ", must be " + keyCollation + " (keys compare in code-point order, case and trailing"
                            + " spaces significant)");
                }
            }
            probePrivileges(connection, table.getKey(), table.getValue(), problems);
        }
        return List.copyOf(problems);
    }

    /** One statement per privilege, none of which touches a row; each refusal names the privilege. */
    private static void probePrivileges(Connection connection, String table, List<String> columns,
            Set<String> problems) throws SQLException {
        String quoted = columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        String nulls = columns.stream().map(c -> "NULL").collect(Collectors.joining(", "));
        String[] probes = {
            "SELECT " + quoted + " FROM " + table + " WHERE 1 = 0",
            "INSERT INTO " + table + " (" + quoted + ") SELECT " + nulls + " FROM DUAL WHERE 1 = 0",
            // col = col, not NULL: no server may object to the value of a NOT NULL column before reading a row
            "UPDATE " + table + " SET `" + columns.get(1) + "` = `" + columns.get(1) + "` WHERE 1 = 0",
            "DELETE FROM " + table + " WHERE 1 = 0"
        };
        try (Statement statement = connection.createStatement()) {
            for (String probe : probes) {
                try {
                    statement.execute(probe);
                } catch (SQLException e) {
                    Matcher denied = DENIED.matcher(String.valueOf(e.getMessage()));
                    if ((e.getErrorCode() != TABLE_ACCESS_DENIED && e.getErrorCode() != COLUMN_ACCESS_DENIED)
                            || !denied.find()) {
                        throw e;
                    }
                    problems.add(denied.group(1).toUpperCase(Locale.ROOT) + " on " + table
                            + " is not granted");
                }
            }
        }
    }
}
