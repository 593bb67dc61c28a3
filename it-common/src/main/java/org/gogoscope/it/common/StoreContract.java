package org.gogoscope.it.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.Checkpoint;
import org.gogoscope.api.CheckpointProvider;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitState;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * What every backend must do inside an application server, run in the container (Arquillian in-container,
 * JUnit 5) against the beans the CDI extension registered from the deployment's MicroProfile Config: the five
 * providers work, a lock is exclusive across concurrent container threads, and nothing the library writes
 * belongs to the caller's JTA transaction. Each subclass is one deployment configured for one backend; its WAR
 * must contain {@link #deploymentClasses()}. Only standard Jakarta EE 10 and MicroProfile APIs are used
 * (the executor is the default {@code ManagedExecutorService}), so the contract runs unchanged on any server.
 */
public abstract class StoreContract {

    /** The classes a WAR running the contract must contain besides its own test class. */
    public static Class<?>[] deploymentClasses() {
        return new Class<?>[] {StoreContract.class, Greeting.class};
    }

    @Inject
    protected PersistenceAdapter adapter;
    @Inject
    protected LockProvider locks;
    @Inject
    protected CircuitBreakerStateProvider breakers;
    @Inject
    protected CacheProvider cache;
    @Inject
    protected CheckpointProvider checkpoints;
    @Inject
    protected IdempotencyProvider idempotency;
    @Inject
    protected UserTransaction tx;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    protected ManagedExecutorService executor;

    /**
     * The container's threads the concurrency test runs on: the default {@code ManagedExecutorService}. A runtime
     * without Jakarta Concurrency overrides this: Quarkus with its own managed executor, Helidon MP (where
     * {@code @Resource} is not injected) with the threads it runs application code on.
     */
    protected ExecutorService executor() {
        return executor;
    }

    /** The backend the deployment configures, e.g. {@code postgresql}. */
    protected abstract String expectedBackend();

    @Test
    public void theConfiguredBackendIsConnected() {
        assertEquals(expectedBackend(), adapter.backend());
        assertTrue(adapter.isConnected());
        String configured = ConfigProvider.getConfig().getValue("gogoscope.store.default.key-prefix", String.class);
        assertEquals(configured, adapter.keyPrefix(), "the adapter must use the configured key prefix");
    }

    /** The extension's {@code @Readiness} check of the store is a bean the server's MicroProfile Health can find. */
    @Test
    public void theStoreHasAReadinessCheckThatIsUp() {
        List<HealthCheckResponse> responses = new ArrayList<>();
        CDI.current().select(HealthCheck.class, Readiness.Literal.INSTANCE).forEach(c -> responses.add(c.call()));
        HealthCheckResponse store = responses.stream()
                .filter(r -> r.getName().equals("gogoscope-store-default")).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check gogoscope-store-default among "
                        + responses.stream().map(HealthCheckResponse::getName).toList()));
        assertEquals(HealthCheckResponse.Status.UP, store.getStatus(), String.valueOf(store.getData()));
        assertEquals(expectedBackend(), store.getData().orElseThrow().get("backend"));
    }

    @Test
    public void locksAreExclusiveAndTokensGrow() {
        Optional<LockHandle> first = locks.acquire("order-1", Duration.ofSeconds(30), "node-a");
        assertTrue(first.isPresent());
        assertTrue(locks.acquire("order-1", Duration.ofSeconds(30), "node-b").isEmpty());
        assertTrue(first.get().release());
        LockHandle second = locks.acquire("order-1", Duration.ofSeconds(30), "node-b").orElseThrow();
        assertTrue(second.fencingToken() > first.get().fencingToken());
        assertTrue(locks.extend("order-1", Duration.ofSeconds(30), "node-b"));
        assertFalse(locks.release("order-1", "node-a"));
        assertTrue(second.release());
    }

    @Test
    public void exactlyOneOfManyConcurrentContainerThreadsGetsTheLock() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String owner = "thread-" + i;
            Callable<Boolean> attempt = () -> {
                start.await(10, TimeUnit.SECONDS);
                return locks.acquire("contended", Duration.ofSeconds(30), owner).isPresent();
            };
            results.add(executor().submit(attempt));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, winners);
        assertTrue(locks.forceRelease("contended"));
    }

    @Test
    public void breakerStateIsRecorded() {
        assertEquals(1, breakers.recordFailure("payments", 2));
        assertEquals(CircuitState.CLOSED, breakers.getState("payments").orElseThrow().state());
        assertEquals(2, breakers.recordFailure("payments", 2));
        assertEquals(CircuitState.OPEN, breakers.getState("payments").orElseThrow().state());
        breakers.recordSuccess("payments");
        assertEquals(CircuitState.CLOSED, breakers.getState("payments").orElseThrow().state());
    }

    @Test
    public void cacheCheckpointsAndIdempotencyWork() {
        cache.set("greeting", new Greeting("hello", 3), Duration.ofMinutes(1));
        assertEquals(Optional.of(new Greeting("hello", 3)), cache.get("greeting", Greeting.class));
        assertEquals(List.of("greeting"), cache.keys("greet*"));

        checkpoints.save(Checkpoint.of("import", 1, 50, new Greeting("half", 1)));
        checkpoints.save(Checkpoint.of("import", 2, 100, new Greeting("done", 2)));
        assertEquals(new Greeting("done", 2), checkpoints.loadLatest("import", Greeting.class).orElseThrow().data());

        ClaimResult<Greeting> claim = idempotency.claim("payment-7", "fp", Duration.ofMinutes(1), Greeting.class);
        String token = assertInstanceOf(ClaimResult.Claimed.class, claim).claimToken();
        assertInstanceOf(ClaimResult.InProgress.class,
                idempotency.claim("payment-7", "fp", Duration.ofMinutes(1), Greeting.class));
        assertTrue(idempotency.complete("payment-7", token, new Greeting("paid", 7), Duration.ofMinutes(1)));
        ClaimResult<Greeting> replay = idempotency.claim("payment-7", "fp", Duration.ofMinutes(1), Greeting.class);
        assertEquals(new Greeting("paid", 7), assertInstanceOf(ClaimResult.Completed.class, replay).result());
    }

    /**
     * A lock taken, a breaker failure, a cache entry and an idempotency claim made inside a JTA transaction that
     * rolls back are all still there afterwards: the library never joins the caller's transaction (with a JTA
     * DataSource it suspends it around its own statements).
     */
    @Test
    public void whatTheLibraryWritesSurvivesTheCallersRollback() throws Exception {
        tx.begin();
        try {
            assertTrue(locks.acquire("in-tx", Duration.ofSeconds(30), "tx-owner").isPresent());
            breakers.recordFailure("in-tx", 5);
            cache.set("in-tx", new Greeting("kept", 1));
            assertInstanceOf(ClaimResult.Claimed.class,
                    idempotency.claim("in-tx", null, Duration.ofMinutes(1), Greeting.class));
            assertEquals(Status.STATUS_ACTIVE, tx.getStatus(), "the library must not mark the transaction");
        } finally {
            tx.rollback();
        }
        assertTrue(locks.acquire("in-tx", Duration.ofSeconds(30), "other").isEmpty(),
                "the lock taken in the rolled-back transaction must still be held");
        assertEquals(1, breakers.getState("in-tx").orElseThrow().failureCount());
        assertEquals(Optional.of(new Greeting("kept", 1)), cache.get("in-tx", Greeting.class));
        assertInstanceOf(ClaimResult.InProgress.class,
                idempotency.claim("in-tx", null, Duration.ofMinutes(1), Greeting.class));
        assertTrue(locks.release("in-tx", "tx-owner"));
    }

    /** A lock taken in a committed transaction is held too, and released by its owner in another one. */
    @Test
    public void locksWorkInsideCommittedTransactions() throws Exception {
        tx.begin();
        LockHandle handle;
        try {
            handle = locks.acquire("committed", Duration.ofSeconds(30), "tx-owner").orElseThrow();
        } finally {
            tx.commit();
        }
        assertTrue(locks.acquire("committed", Duration.ofSeconds(30), "other").isEmpty());
        tx.begin();
        try {
            assertTrue(handle.release());
        } finally {
            tx.rollback();
        }
        assertTrue(locks.acquire("committed", Duration.ofSeconds(30), "other").isPresent(),
                "a release inside a rolled-back transaction is a release too");
    }

    /** A JSON-B value type. */
    public record Greeting(String text, int count) {
    }
}
