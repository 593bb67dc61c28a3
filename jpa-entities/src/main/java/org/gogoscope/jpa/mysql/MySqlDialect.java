package org.gogoscope.jpa.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gogoscope.jpa.dialect.SqlDialect;

/**
 * MySQL 8.0+ and MariaDB 10.5+ (verified on MariaDB 10.11 with MariaDB Connector/J and MySQL Connector/J):
 * statements in {@link MySqlStatements}, DDL in {@code mariadb.sql} and {@code mysql.sql} beside this class (chosen
 * by the binary collation the server has), migration of older tables in {@link MySqlMigration}.
 */
public final class MySqlDialect extends SqlDialect {

    /** The binary collation only MySQL 8 has: tells MySQL from MariaDB. */
    static final String MYSQL_8_COLLATION = "utf8mb4_0900_bin";

    /** ER_LOCK_DEADLOCK. */
    private static final int DEADLOCK = 1213;

    /** Keys are {@code VARCHAR(255)}. */
    public MySqlDialect() {
        super("MySQL/MariaDB", Set.of("mysql", "mariadb"), new MySqlStatements(), 255,
                "org/gogoscope/jpa/mysql/mariadb.sql");
    }

    @Override
    public boolean isProduct(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    /** {@code mysql.sql} on MySQL 8 (which has utf8mb4_0900_bin), {@code mariadb.sql} otherwise. */
    @Override
    public String schemaResource(Connection connection) throws SQLException {
        return MYSQL_8_COLLATION.equals(keyCollation(connection)) ? "org/gogoscope/jpa/mysql/mysql.sql"
                : super.schemaResource(connection);
    }

    @Override
    public void migrate(Connection connection) throws SQLException {
        MySqlMigration.migrate(connection, keyCollation(connection));
    }

    /** The tables, columns and privileges the statements need: {@link MySqlSchemaCheck}. */
    @Override
    public List<String> schemaProblems(Connection connection) throws SQLException {
        return MySqlSchemaCheck.problems(connection);
    }

    /** Both Connector/Js take connect and socket timeouts in milliseconds; the socket's is twice the bound. */
    @Override
    public Map<String, String> driverProperties(Duration timeout) {
        long millis = timeout.toMillis();
        return Map.of("connectTimeout", String.valueOf(millis), "socketTimeout", String.valueOf(millis * 2));
    }

    /** Also error 1213 (ER_LOCK_DEADLOCK), which MariaDB Connector/J does not always report as 40001. */
    @Override
    public boolean isDeadlock(SQLException e) {
        return super.isDeadlock(e) || e.getErrorCode() == DEADLOCK;
    }

    /** The binary no-pad collation this server has: MariaDB's, MySQL 8's, or plain utf8mb4_bin. */
    static String keyCollation(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN"
                        + " ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : "utf8mb4_bin";
        }
    }
}
