package org.gogoscope.reliability;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.memory.MemoryAdapter;
import org.gogoscope.core.memory.MemoryBackend;
import org.gogoscope.jpa.SqlAdapter;
import org.gogoscope.jpa.SqlSettings;
import org.gogoscope.mongodb.MongoAdapter;
import org.gogoscope.mongodb.MongoConfig;
import org.gogoscope.redis.RedisAdapter;
import org.gogoscope.redis.RedisClientConfig;

/**
 * The six backends the reliability tests run against, on the shared servers of this machine: in-memory,
 * PostgreSQL 127.0.0.1:5432 db {@code test}, MariaDB 127.0.0.1:3306 db {@code test}, a SQLite file under
 * {@code target/}, Redis 127.0.0.1:6379 and MongoDB's in-process stand-in. Every call of {@link #node} makes a
 * separate node (own pool / client) on the same data. Tests isolate themselves with {@link #freshPrefix}.
 */
enum Backends {
    MEMORY {
        @Override
        PersistenceAdapter node(String prefix) {
            return new MemoryAdapter(SHARED_MEMORY, prefix);
        }
    },
    POSTGRESQL {
        @Override
        PersistenceAdapter node(String prefix) {
            return new SqlAdapter(sql("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"), prefix);
        }
    },
    MARIADB {
        @Override
        PersistenceAdapter node(String prefix) {
            return new SqlAdapter(sql("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root"), prefix);
        }
    },
    SQLITE {
        @Override
        PersistenceAdapter node(String prefix) {
            new java.io.File(SQLITE_FILE).getParentFile().mkdirs(); // SQLite creates the file, not its directory
            return new SqlAdapter(SqlSettings.sqliteFile(SQLITE_FILE).withPoolSize(4)
                    .withTimeout(Duration.ofSeconds(10)), prefix);
        }
    },
    REDIS {
        @Override
        PersistenceAdapter node(String prefix) {
            RedisCleanup.track(prefix);
            return new RedisAdapter(RedisClientConfig.standalone(REDIS_URI).withPoolSize(8), prefix);
        }
    },
    MONGODB {
        @Override
        PersistenceAdapter node(String prefix) {
            return new MongoAdapter(MongoConfig.of(InProcessMongo.uri(), "reliability"), prefix);
        }
    };

    static final String REDIS_URI = System.getProperty("redis.uri", "redis://127.0.0.1:6379");
    static final String SQLITE_FILE = "target/reliability/shared.db";
    private static final MemoryBackend SHARED_MEMORY = new MemoryBackend();

    /** A new, unconnected node of this backend with key prefix {@code prefix}. */
    abstract PersistenceAdapter node(String prefix);

    /** A new node, connected. */
    PersistenceAdapter connectedNode(String prefix) {
        PersistenceAdapter node = node(prefix);
        node.connect();
        return node;
    }

    /** Every backend but the in-memory oracle. */
    static Stream<Backends> persistent() {
        return Stream.of(values()).filter(b -> b != MEMORY);
    }

    static List<Backends> all() {
        return List.of(values());
    }

    /**
     * The backends named in {@code reliability.backends} (comma-separated, any case; all of them when unset), so a
     * long run by hand can take one backend at a time.
     */
    static Stream<Backends> selected() {
        String names = System.getProperty("reliability.backends", "").trim();
        if (names.isEmpty()) {
            return Stream.of(values());
        }
        return Stream.of(names.split(",")).map(String::trim).map(name -> {
            try {
                return valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reliability.backends: no backend '" + name + "'; known: "
                        + List.of(values()), e);
            }
        });
    }

    /** A prefix no other run or test uses: {@code rel-<what>-<random>:}. */
    static String freshPrefix(String what) {
        return "rel-" + what + "-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static SqlSettings sql(String backend, String url, String user) {
        return SqlSettings.jdbc(backend, url, user, null).withPoolSize(4).withTimeout(Duration.ofSeconds(10));
    }
}
