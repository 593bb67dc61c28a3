package org.gogoscope.jpa;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gogoscope.jpa.dialect.SqlDialect;
import org.gogoscope.jpa.dialect.UrlValues;
import org.gogoscope.jpa.mysql.MySqlDialect;
import org.gogoscope.jpa.postgresql.PostgresDialect;
import org.gogoscope.jpa.sqlite.SqliteDialect;

/**
 * The SQL dialects this module speaks: the one list of them. Each constant's {@link SqlDialect} (in the package
 * named after the product) owns everything about it; MariaDB and MySQL share {@link #MYSQL} and differ only in
 * the DDL chosen for the server's binary collation.
 */
public enum Dialect {
    POSTGRESQL(new PostgresDialect()),
    MYSQL(new MySqlDialect()),
    SQLITE(new SqliteDialect());

    private final SqlDialect sql;

    Dialect(SqlDialect sql) {
        this.sql = sql;
    }

    /** The dialect of a backend name, e.g. {@code postgresql}, {@code mariadb}. */
    public static Dialect ofBackend(String backend) {
        String name = backend.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.sql.backendNames().contains(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("backend must be one of " + backendNames() + ", was '" + backend + "'");
    }

    /** Every backend name a dialect answers to. */
    public static Set<String> backendNames() {
        Set<String> names = new TreeSet<>();
        for (Dialect dialect : values()) {
            names.addAll(dialect.sql.backendNames());
        }
        return names;
    }

    /** The dialect of a connected database, from its product name. */
    public static Dialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        for (Dialect dialect : values()) {
            if (dialect.sql.isProduct(product)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported database product '" + product + "': expected one of "
                + displayNames());
    }

    private static String displayNames() {
        StringBuilder names = new StringBuilder();
        for (Dialect dialect : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(dialect.sql.displayName());
        }
        return names.toString();
    }

    /**
     * How the driver of {@code jdbcUrl} reads its query string's values: the answer of the dialect whose driver the
     * URL names ({@link SqlDialect#urlValues}), whatever the {@code backend} property says; empty when none claims it.
     */
    static Optional<UrlValues> urlValues(String jdbcUrl) {
        for (Dialect dialect : values()) {
            Optional<UrlValues> values = dialect.sql.urlValues(jdbcUrl);
            if (values.isPresent()) {
                return values;
            }
        }
        return Optional.empty();
    }

    /** Hibernate's dialect class name where Hibernate does not find it from the connection (SQLite). */
    public Optional<String> hibernateDialect() {
        return sql.hibernateDialect();
    }

    /** Everything about this dialect. */
    SqlDialect sql() {
        return sql;
    }
}
