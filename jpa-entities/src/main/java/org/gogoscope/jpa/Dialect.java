package org.gogoscope.jpa;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL dialects this module speaks. MariaDB and MySQL share {@link #MYSQL}; they differ only in the binary
 * collation chosen for keys, which is detected from the server.
 */
public enum Dialect {
    POSTGRESQL,
    MYSQL,
    SQLITE;

    /** The dialect of a backend name: {@code postgresql}, {@code mysql}, {@code mariadb} or {@code sqlite}. */
    public static Dialect ofBackend(String backend) {
        return switch (backend.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            case "sqlite" -> SQLITE;
            default -> throw new IllegalArgumentException("backend must be postgresql, mysql, mariadb or sqlite, was '"
                    + backend + "'");
        };
    }

    /** The dialect of a connected database, from its product name. */
    public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("unsupported database product '" + metaData.getDatabaseProductName()
                + "': expected PostgreSQL, MySQL, MariaDB or SQLite");
    }

    SqlStatements statements() {
        return switch (this) {
            case POSTGRESQL -> new PostgresStatements();
            case MYSQL -> new MySqlStatements();
            case SQLITE -> new SqliteStatements();
        };
    }
}
