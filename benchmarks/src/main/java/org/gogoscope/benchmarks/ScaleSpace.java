package org.gogoscope.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.redis.RedisAdapter;
import org.gogoscope.redis.RedisClientConfig;
import redis.clients.jedis.JedisPooled;

/**
 * Where the records of one size live on one backend, apart from every other size: PostgreSQL and MariaDB the
 * database {@code gogoscale_<size>} on the configured server, SQLite the file {@code gogoscale-<size>.db} next to
 * the benchmarks' SQLite file, Redis the logical database {@code 7 + log10(size)} (10 for 10^3, 12 for 10^5, 13 for
 * 10^6). A run at 10^3 thus meets 10^3 records of a kind, not also the 10^6 of another size in the same table or
 * key space. Within it every key carries the prefix {@code gogoscale:<size>:}.
 *
 * <p>Sizes are powers of ten from 10^3 to 10^6 (the application keys have seven digits; MariaDB's row source is
 * {@code seq_0_to_999999}).
 */
final class ScaleSpace {

    private static final int SMALLEST = 1_000;
    private static final int LARGEST = 1_000_000;
    /** The logical Redis database of size 10^3; each further power of ten takes the next one. */
    private static final int FIRST_REDIS_DATABASE = 10;

    private final Backend backend;
    private final int size;

    ScaleSpace(Backend backend, int size) {
        if (backend == Backend.mongodb) {
            throw new IllegalArgumentException("no scale figures on the MongoDB stand-in: it lives in each fork's heap "
                    + "(refilled in every fork) and its queries use only unique indexes on exact matches (see the README)");
        }
        if (size < SMALLEST || size > LARGEST || !isPowerOfTen(size)) {
            throw new IllegalArgumentException("size must be a power of ten from " + SMALLEST + " to " + LARGEST
                    + ", was " + size);
        }
        this.backend = backend;
        this.size = size;
    }

    private static boolean isPowerOfTen(int n) {
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }

    Backend backend() {
        return backend;
    }

    /** How many records of each kind the space holds once filled. */
    int size() {
        return size;
    }

    /** The key prefix of every record of this size. */
    String prefix() {
        return "gogoscale:" + size + ":";
    }

    /** The PostgreSQL or MariaDB database of this size; made of the size alone, so safe as an identifier. */
    String database() {
        return "gogoscale_" + size;
    }

    /** The SQLite file of this size. */
    File sqliteFile() {
        return new File(new File(Servers.SQLITE_FILE).getAbsoluteFile().getParentFile(), "gogoscale-" + size + ".db");
    }

    /** The logical Redis database of this size. */
    int redisDatabase() {
        return FIRST_REDIS_DATABASE + (int) Math.round(Math.log10(size)) - 3;
    }

    /** Creates the database (PostgreSQL, MariaDB) or the file's directory (SQLite) unless it exists. */
    void create() throws SQLException {
        switch (backend) {
            case postgresql -> {
                try (HikariDataSource server = Servers.pool("scale-create-pg", Servers.PG_URL, Servers.PG_USER);
                        Connection c = server.getConnection()) {
                    boolean exists;
                    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                        s.setString(1, database());
                        try (ResultSet rs = s.executeQuery()) {
                            exists = rs.next();
                        }
                    }
                    if (!exists) {
                        try (Statement s = c.createStatement()) {
                            s.execute("CREATE DATABASE " + database()); // an identifier cannot be bound
                        }
                    }
                }
            }
            case mariadb -> {
                try (HikariDataSource server = Servers.pool("scale-create-mariadb", Servers.MARIADB_URL,
                        Servers.MARIADB_USER); Connection c = server.getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE IF NOT EXISTS " + database()); // an identifier cannot be bound
                }
            }
            case sqlite -> sqliteFile().getParentFile().mkdirs();
            case redis -> {
                // logical databases always exist
            }
            default -> throw new IllegalStateException(backend.name());
        }
    }

    /** The JDBC URL of this size's database (SQL backends only). */
    String jdbcUrl() {
        return switch (backend) {
            case postgresql -> withDatabase(Servers.PG_URL, database());
            case mariadb -> withDatabase(Servers.MARIADB_URL, database());
            case sqlite -> "jdbc:sqlite:" + sqliteFile().getPath();
            default -> throw new IllegalStateException(backend + " has no JDBC URL");
        };
    }

    private String user() {
        return switch (backend) {
            case postgresql -> Servers.PG_USER;
            case mariadb -> Servers.MARIADB_USER;
            default -> null;
        };
    }

    /** {@code url} (jdbc:product://host:port/database?query) with another database. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = url.indexOf('/', hosts + 2);
        if (hosts < 0 || slash < 0) {
            throw new IllegalArgumentException("expected jdbc:<product>://<host>/<database>, was " + url);
        }
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /** Our adapter on this size's database with this size's prefix, connected (it creates its tables). */
    PersistenceAdapter adapter() {
        PersistenceAdapter adapter = switch (backend) {
            case postgresql, mariadb, sqlite -> new SqlAdapter(SqlSettings.jdbc(backend.name(), jdbcUrl(), user(), null),
                    prefix());
            case redis -> new RedisAdapter(RedisClientConfig.standalone(Servers.REDIS_URI).withDatabase(redisDatabase()),
                    prefix());
            default -> throw new IllegalStateException(backend.name());
        };
        adapter.connect();
        return adapter;
    }

    /** A pool on this size's database, for the bulk fill (SQL backends only). */
    HikariDataSource pool(String name) {
        return Servers.pool(name, jdbcUrl(), user());
    }

    /** A Redis client on this size's logical database, for the bulk fill. */
    JedisPooled redis() {
        URI server = URI.create(Servers.REDIS_URI);
        try {
            return new JedisPooled(new URI(server.getScheme(), server.getUserInfo(), server.getHost(), server.getPort(),
                    "/" + redisDatabase(), null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("gogoscope.bench.redis.uri: " + Servers.REDIS_URI, e);
        }
    }

    @Override
    public String toString() {
        return backend + " " + switch (backend) {
            case postgresql, mariadb -> "database " + database();
            case sqlite -> "file " + sqliteFile();
            case redis -> "database " + redisDatabase();
            default -> "";
        } + ", prefix " + prefix();
    }
}
