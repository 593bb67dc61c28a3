package org.gogoscope.jpa.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.UrlValues;

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

    /** ER_ACCESS_DENIED_ERROR: a wrong user or password, or plaintext refused (see {@link #connectFailureHint}). */
    private static final int ACCESS_DENIED = 1045;

    /** A URL parameter of either Connector/J that turns TLS on: {@code sslMode} not disable(d), {@code useSSL=true}. */
    private static final Pattern URL_ENABLES_TLS = Pattern.compile(
            "(?i)[?&;](sslmode=(?!disable)|ssl=true|usessl=true|requiressl=true)");

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

    /** MySQL Connector/J decodes percent-escapes and {@code +} in its URL's values; MariaDB Connector/J does not. */
    @Override
    public Optional<UrlValues> urlValues(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:mysql:")) {
            return Optional.of(UrlValues.PERCENT_DECODED);
        }
        return jdbcUrl.startsWith("jdbc:mariadb:") ? Optional.of(UrlValues.AS_WRITTEN) : Optional.empty();
    }

    /**
     * Error 1045 (ER_ACCESS_DENIED_ERROR) on a URL that does not turn TLS on: MariaDB answers a plaintext client
     * of an account that {@code REQUIRE}s SSL, or of a server with {@code require_secure_transport=ON}, with the
     * same error as a wrong password.
     */
    @Override
    public Optional<String> connectFailureHint(SQLException e, String described, String jdbcUrl) {
        if (e.getErrorCode() == ACCESS_DENIED && !URL_ENABLES_TLS.matcher(jdbcUrl).find()) {
            return Optional.of("wrong user or password, or (MariaDB answers the same) the server requires"
                    + " TLS (require_secure_transport=ON) and the URL does not turn it on (sslMode=...)");
        }
        return Optional.empty();
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
