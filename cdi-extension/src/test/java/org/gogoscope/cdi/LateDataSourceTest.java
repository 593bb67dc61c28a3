package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.LockHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A store whose {@code datasource} is not bound in JNDI yet at deployment (Payara binds a WAR's
 * {@code java:app/jdbc/...} resources after {@code AfterDeploymentValidation}) connects on first use; any other
 * problem, and a missing name outside the application namespaces ({@code java:jboss/...}), still fails the
 * deployment. JNDI is {@link TestNaming}; the DataSources are real (PostgreSQL on
 * 127.0.0.1:5432, SQLite in target/).
 */
class LateDataSourceTest {

    private static final String NAME = "java:app/jdbc/GogoLate";
    private static final String PROPERTY = "gogoscope.store.default.datasource";

    @BeforeEach
    void naming() {
        TestNaming.install();
    }

    @AfterEach
    void noNaming() {
        TestNaming.uninstall();
    }

    private static Map<String, String> store(String backend) {
        return Map.of("gogoscope.store.default.backend", backend, PROPERTY, NAME,
                "gogoscope.store.default.key-prefix", "late-" + UUID.randomUUID() + ":");
    }

    private static PGSimpleDataSource postgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUser(System.getProperty("postgres.user", "postgres"));
        return dataSource;
    }

    @Test
    void aDataSourceBoundAfterTheDeploymentIsConnectedOnceOnFirstUse() throws Exception {
        try (Boot boot = Boot.start(store("postgresql"), AllProviders.class)) {
            HealthCheckResponse down = readiness(boot);
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(down.getData().orElseThrow()).containsEntry("reachable", false)
                    .containsEntry("backend", "postgresql");
            assertThat((String) down.getData().orElseThrow().get("error")).contains(NAME).contains(PROPERTY);

            AllProviders user = boot.bean(AllProviders.class);
            assertThatThrownBy(() -> user.locks.acquire("job", Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.property()).isEqualTo(PROPERTY))
                    .hasMessageContaining("Store 'default' (gogoscope.store.default.backend='postgresql')")
                    .hasMessageContaining("no DataSource is bound under the JNDI name '" + NAME + "' of " + PROPERTY);

            TestNaming.bind(NAME, postgres());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> tokens = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String key = "job-" + i;
                    tokens.add(pool.submit(() -> {
                        go.await();
                        Optional<LockHandle> lock = boot.bean(AllProviders.class).locks.acquire(key,
                                Duration.ofSeconds(30));
                        assertThat(lock).as("lock " + key).isPresent();
                        lock.get().release();
                        return lock.get().fencingToken();
                    }));
                }
                go.countDown();
                for (Future<Long> token : tokens) {
                    assertThat(token.get(60, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(TestNaming.found(NAME)).as("JNDI lookups that found the DataSource").isEqualTo(1);
            assertThat(readiness(boot).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            user.exercise();
        }
    }

    @Test
    void aSqliteStoreOnALateDataSourceWorksToo() {
        File file = new File("target/late-datasource/gogoscope.db");
        file.getParentFile().mkdirs();
        try (Boot boot = Boot.start(store("sqlite"), AllProviders.class)) {
            assertThat(readiness(boot).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:" + file.getAbsolutePath() + "?busy_timeout=5000");
            TestNaming.bind(NAME, dataSource);
            boot.bean(AllProviders.class).exercise();
            assertThat(readiness(boot).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        }
    }

    @Test
    void anUnboundDataSourceDoesNotHideTheOtherProblems() {
        Map<String, String> properties = new java.util.HashMap<>(store("postgresql"));
        properties.put("gogoscope.store.orders.backend", "postgress");
        String message = BackendConfigurationErrorTest.bootFailure(properties);
        assertThat(message).contains("go-go-scope configuration has 1 problem:")
                .contains("Unknown backend 'postgress' in gogoscope.store.orders.backend").doesNotContain(NAME);
    }

    /** A server's own resources are bound before any deployment: a missing one is a mistake, reported at once. */
    @Test
    void aMissingNameOutsideTheApplicationNamespacesStillFailsTheDeployment() {
        Map<String, String> properties = new java.util.HashMap<>(store("postgresql"));
        properties.put(PROPERTY, "java:jboss/datasources/NoSuchDataSource");
        String message = BackendConfigurationErrorTest.bootFailure(properties);
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='postgresql') could not connect")
                .contains(PROPERTY + "='java:jboss/datasources/NoSuchDataSource'");
    }

    @Test
    void aNameBoundToSomethingElseStillFailsTheDeployment() {
        TestNaming.bind(NAME, "not a DataSource");
        String message = BackendConfigurationErrorTest.bootFailure(store("postgresql"));
        assertThat(message).contains("Store 'default' (gogoscope.store.default.backend='postgresql') could not connect")
                .contains(NAME);
    }

    private static HealthCheckResponse readiness(Boot boot) {
        return boot.container().select(HealthCheck.class, Readiness.Literal.INSTANCE).stream().map(HealthCheck::call)
                .filter(r -> r.getName().equals("gogoscope-store-default")).findFirst().orElseThrow();
    }
}
