package org.gogoscope.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The peer: ShedLock's provider for each server, configured as its documentation recommends and with the same
 * pool sizes as the adapter. JDBC: {@code JdbcTemplateLockProvider} with {@code usingDbTime()} (its
 * single-upsert, database-clock mode; SQLite, which ShedLock's DB-time mode does not support, uses the JVM
 * clock). Redis: the Spring Data Redis provider over Jedis (the plain Jedis provider is not on the Maven
 * Central reachable here). MongoDB: {@code MongoLockProvider}, majority concerns like the adapter.
 */
final class ShedLocks {

    private ShedLocks() {
    }

    static LockProvider jdbc(String backend, HikariDataSource pool) {
        String ddl = switch (backend) {
            case "mariadb" -> "CREATE TABLE IF NOT EXISTS gogobench_shedlock (name VARCHAR(64) NOT NULL, "
                    + "lock_until TIMESTAMP(3) NOT NULL, locked_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                    + "locked_by VARCHAR(255) NOT NULL, PRIMARY KEY (name))";
            default -> "CREATE TABLE IF NOT EXISTS gogobench_shedlock (name VARCHAR(64) NOT NULL, "
                    + "lock_until TIMESTAMP NOT NULL, locked_at TIMESTAMP NOT NULL, locked_by VARCHAR(255) NOT NULL, "
                    + "PRIMARY KEY (name))";
        };
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("ShedLock table on " + backend + ": " + e.getMessage(), e);
        }
        JdbcTemplateLockProvider.Configuration.Builder config = JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(pool)).withTableName("gogobench_shedlock");
        if (!backend.equals("sqlite")) {
            config.usingDbTime();
        }
        return new JdbcTemplateLockProvider(config.build());
    }

    static LockProvider redis(List<AutoCloseable> resources) {
        GenericObjectPoolConfig<Object> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(Servers.REDIS_POOL);
        pool.setMaxIdle(Servers.REDIS_POOL);
        @SuppressWarnings({"unchecked", "rawtypes"})
        JedisClientConfiguration client = JedisClientConfiguration.builder().connectTimeout(Servers.TIMEOUT)
                .readTimeout(Servers.TIMEOUT).usePooling().poolConfig((GenericObjectPoolConfig) pool).build();
        var hp = RedisRaw.hostAndPort();
        JedisConnectionFactory factory = new JedisConnectionFactory(
                new RedisStandaloneConfiguration(hp.getHost(), hp.getPort()), client);
        factory.afterPropertiesSet();
        factory.start();
        resources.add(factory::destroy);
        return new RedisLockProvider(factory, "gogobench");
    }

    static LockProvider mongo(List<AutoCloseable> resources) {
        var client = MongoRaw.client();
        resources.add(client::close);
        return new MongoLockProvider(MongoRaw.database(client));
    }

    static Duration lockAtMostFor() {
        return Duration.ofSeconds(30);
    }
}
