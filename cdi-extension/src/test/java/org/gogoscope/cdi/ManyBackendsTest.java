package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One application, five stores on five backends, each provider kind routed to a different one. */
class ManyBackendsTest {

    private MongoServer mongo;

    @BeforeEach
    void startMongo() {
        mongo = MongoStandIn.newServer();
        mongo.bind("127.0.0.1", 0);
    }

    @AfterEach
    void stopMongo() {
        mongo.shutdownNow();
    }

    @Dependent
    public static class Stores {
        @Inject
        @Store("default")
        PersistenceAdapter sqlite;
        @Inject
        @Store("orders")
        PersistenceAdapter postgresql;
        @Inject
        @Store("fast")
        PersistenceAdapter redis;
        @Inject
        @Store("docs")
        PersistenceAdapter mongodb;
        @Inject
        @Store("shared")
        PersistenceAdapter mariadb;
    }

    @Test
    void everyProviderKindRoutedToItsOwnBackend() {
        String prefix = "cdi-many-" + UUID.randomUUID() + ":";
        Map<String, String> p = new HashMap<>();
        p.put("gogoscope.store.default.backend", "sqlite");
        p.put("gogoscope.store.default.jdbc.url", "jdbc:sqlite:target/cdi-many.db");
        p.put("gogoscope.store.orders.backend", "postgresql");
        p.put("gogoscope.store.orders.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");
        p.put("gogoscope.store.orders.jdbc.user", "postgres");
        p.put("gogoscope.store.fast.backend", "redis");
        p.put("gogoscope.store.fast.redis.uri", "redis://127.0.0.1:6379");
        p.put("gogoscope.store.docs.backend", "mongodb");
        p.put("gogoscope.store.docs.mongodb.uri", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        p.put("gogoscope.store.shared.backend", "mariadb");
        p.put("gogoscope.store.shared.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test");
        p.put("gogoscope.store.shared.jdbc.user", "root");
        for (String store : new String[] {"default", "orders", "fast", "docs", "shared"}) {
            p.put("gogoscope.store." + store + ".key-prefix", prefix);
        }
        p.put("gogoscope.lock.store", "orders");
        p.put("gogoscope.cache.store", "fast");
        p.put("gogoscope.checkpoint.store", "docs");
        p.put("gogoscope.idempotency.store", "shared");
        // circuit breakers stay on default (sqlite)

        try (Boot boot = Boot.start(p, AllProviders.class, Stores.class)) {
            Stores stores = boot.bean(Stores.class);
            assertThat(stores.sqlite.backend()).isEqualTo("sqlite");
            assertThat(stores.postgresql.backend()).isEqualTo("postgresql");
            assertThat(stores.redis.backend()).isEqualTo("redis");
            assertThat(stores.mongodb.backend()).isEqualTo("mongodb");
            assertThat(stores.mariadb.backend()).isEqualTo("mariadb");

            AllProviders app = boot.bean(AllProviders.class);
            app.exercise();

            String key = "routed-" + UUID.randomUUID();
            app.cache.set(key, "v");
            assertThat(stores.redis.cache().get(key, String.class)).as("cache on redis").contains("v");
            assertThat(stores.sqlite.cache().has(key)).isFalse();
            app.cache.delete(key);

            var lock = app.locks.acquire(key, java.time.Duration.ofSeconds(30));
            assertThat(lock).isPresent();
            assertThat(stores.postgresql.locks().acquire(key, java.time.Duration.ofSeconds(30))).as("lock on postgresql").isEmpty();
            assertThat(stores.mariadb.locks().acquire(key, java.time.Duration.ofSeconds(30))).as("not on mariadb").isPresent();
            lock.get().release();
            stores.mariadb.locks().forceRelease(key);

            app.circuits.recordFailure(key, 5);
            assertThat(stores.sqlite.circuitBreakers().getState(key)).as("circuit on sqlite").isPresent();
            assertThat(stores.postgresql.circuitBreakers().getState(key)).isEmpty();

            app.checkpoints.save(org.gogoscope.api.Checkpoint.of(key, 1, 10, "x"));
            assertThat(stores.mongodb.checkpoints().loadLatest(key, String.class)).as("checkpoint on mongodb").isPresent();
            assertThat(stores.sqlite.checkpoints().loadLatest(key, String.class)).isEmpty();
            app.checkpoints.deleteAll(key);

            app.idempotency.set(key, "r", java.time.Duration.ofMinutes(1));
            assertThat(stores.mariadb.idempotency().get(key, String.class)).as("idempotency on mariadb").contains("r");
            assertThat(stores.postgresql.idempotency().get(key, String.class)).isEmpty();
            app.idempotency.delete(key);
        }
    }
}
