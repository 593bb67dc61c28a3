package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.jpa.entity.CacheEntryEntity;
import org.gogoscope.jpa.entity.CheckpointEntity;
import org.gogoscope.jpa.entity.CircuitEntity;
import org.gogoscope.jpa.entity.CircuitRecordEntity;
import org.gogoscope.jpa.entity.IdempotencyEntity;
import org.gogoscope.jpa.entity.JpaEntities;
import org.gogoscope.jpa.entity.LockEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JPA entities map the tables the adapter creates: Hibernate reads back, through JPA, exactly the rows the
 * adapter wrote, times in UTC, on every dialect. On PostgreSQL Hibernate's schema validator also checks every
 * column type; MariaDB reports its JSON columns as LONGTEXT, which the validator refuses to equate with JSON, and
 * SQLite has no column types to validate.
 */
class JpaEntitiesTest {

    static Stream<Arguments> all() {
        return RoundTripTest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void entitiesReadWhatTheAdapterWrote(String name, Supplier<SqlSettings> settings) {
        SqlSettings config = settings.get();
        String prefix = "jpa" + UUID.randomUUID().toString().substring(0, 8) + ":";
        SqlAdapter adapter = new SqlAdapter(config, prefix);
        adapter.connect();
        try (HikariDataSource pool = new HikariDataSource(OwnedPool.hikari(config.withPoolSize(2)));
                EntityManagerFactory emf = JpaEntities.entityManagerFactory(pool, config.dialect(),
                        config.dialect() == Dialect.POSTGRESQL)) {
            Instant before = Instant.now().minusSeconds(5);
            LockHandle lock = adapter.locks().acquire("lock", Duration.ofMinutes(1), "alice").orElseThrow();
            adapter.circuitBreakers().recordFailure("svc", 1);
            adapter.cache().set("c", "v", Duration.ofMinutes(1));
            adapter.checkpoints().save(new Checkpoint<>("cp", "task", 3, Instant.ofEpochMilli(1234), 50, "d", null));
            ClaimResult<String> claim = adapter.idempotency().claim("idem", "fp", Duration.ofMinutes(1), String.class);
            adapter.circuitBreakers().compareAndSetRecord("svc", 0, "doc");
            Instant after = Instant.now().plusSeconds(5);

            EntityManager em = emf.createEntityManager();
            try {
                LockEntity row = em.find(LockEntity.class, prefix + "lock:lock");
                assertThat(row.getOwner()).isEqualTo("alice");
                assertThat(row.getFencingToken()).isEqualTo(lock.fencingToken());
                assertThat(utc(row.getExpiresAt())).isBetween(before.plusSeconds(60), after.plusSeconds(60));

                CircuitEntity circuit = em.find(CircuitEntity.class, prefix + "circuit:svc");
                assertThat(circuit.getState()).isEqualTo("open");
                assertThat(circuit.getFailureCount()).isEqualTo(1);
                assertThat(utc(circuit.getLastFailureTime())).isBetween(before, after);

                CacheEntryEntity cache = em.find(CacheEntryEntity.class, prefix + "cache:c");
                assertThat(cache.getValue()).isEqualTo("\"v\"");

                CheckpointEntity checkpoint = em.find(CheckpointEntity.class, prefix + "cp");
                assertThat(checkpoint.getTaskId()).isEqualTo(prefix + "task");
                assertThat(checkpoint.getSequence()).isEqualTo(3);
                assertThat(checkpoint.getTimestamp()).isEqualTo(1234);
                assertThat(checkpoint.getEstimatedTimeRemaining()).isNull();

                IdempotencyEntity idem = em.find(IdempotencyEntity.class, prefix + "idem");
                assertThat(idem.getClaimToken()).isEqualTo(((ClaimResult.Claimed<String>) claim).claimToken());
                assertThat(idem.getFingerprint()).isEqualTo("fp");
                assertThat(idem.isCompleted()).isFalse();

                assertThat(em.find(CircuitRecordEntity.class, prefix + "circuit:svc").getVersion()).isEqualTo(1);
                assertThat(em.createQuery("select count(l) from GoGoScopeLock l where l.key like :p", Long.class)
                        .setParameter("p", prefix + "%").getSingleResult()).isEqualTo(1);
            } finally {
                em.close();
            }
        } finally {
            adapter.disconnect();
        }
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
