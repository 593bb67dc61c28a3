package org.gogoscope.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;
import java.io.File;
import java.time.Duration;

/**
 * Where the benchmarks find their servers: the same local servers the tests use. Each can be overridden by a
 * system property ({@code -Dgogoscope.bench.postgresql.url=...}); MongoDB is the in-process mongo-java-server,
 * started once per JVM (so once per JMH fork), unless {@code gogoscope.bench.mongodb.uri} names a server
 * (NodesBenchmark hands its child JVMs the URI of the one stand-in it runs, so that they share it).
 */
final class Servers {

    static final String PG_URL = System.getProperty("gogoscope.bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("gogoscope.bench.postgresql.user", "postgres");
    static final String MARIADB_URL = System.getProperty("gogoscope.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
    static final String MARIADB_USER = System.getProperty("gogoscope.bench.mariadb.user", "root");
    static final String SQLITE_FILE = System.getProperty("gogoscope.bench.sqlite.file", defaultSqliteFile());
    static final String REDIS_URI = System.getProperty("gogoscope.bench.redis.uri", "redis://127.0.0.1:6379");
    static final String MONGO_DATABASE = "gogobench";
    static final String MONGO_URI_PROPERTY = "gogoscope.bench.mongodb.uri";

    /** Pool sizes: the adapters' defaults, used for the raw and ShedLock pools too. */
    static final int SQL_POOL = 10;
    static final int REDIS_POOL = 16;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static MongoServer mongo;
    private static String mongoUri;

    private Servers() {
    }

    private static String defaultSqliteFile() {
        return new File("benchmarks/target").isDirectory() ? "benchmarks/target/bench-sqlite.db" : "target/bench-sqlite.db";
    }

    static String sqliteUrl() {
        File parent = new File(SQLITE_FILE).getAbsoluteFile().getParentFile();
        parent.mkdirs();
        return "jdbc:sqlite:" + SQLITE_FILE;
    }

    /** {@code gogoscope.bench.mongodb.uri} if set, else the in-process MongoDB stand-in's URI, started on first use. */
    static synchronized String mongoUri() {
        String given = System.getProperty(MONGO_URI_PROPERTY);
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (mongo == null) {
            MongoServer server = MongoStandIn.newServer();
            server.bind("127.0.0.1", 0);
            mongo = server;
            mongoUri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-java-server-stop"));
        }
        return mongoUri;
    }

    /** A HikariCP pool configured like the SQL adapter's own (same size, idle, auto-commit, driver settings). */
    static HikariDataSource pool(String name, String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        config.setMaximumPoolSize(SQL_POOL);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(TIMEOUT.toMillis());
        config.setAutoCommit(true);
        if (url.startsWith("jdbc:sqlite:")) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(TIMEOUT.toMillis()));
        }
        return new HikariDataSource(config);
    }
}
