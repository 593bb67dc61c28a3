package org.gogoscope.interceptors.breaker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gogoscope.core.breaker.SharedBreaker;
import org.gogoscope.core.breaker.Ticker;
import org.gogoscope.interceptors.MpConfig;
import org.gogoscope.interceptors.Providers;

/**
 * This node's shared breakers, one per breaker name and store, and the policy of every guarded method. The
 * per-call lookup ({@link #guarded}) is two map reads on identity-hashed keys: no allocation, no string built.
 *
 * <p>It owns the thread pool that writes outcomes known before a call returns ({@link SharedBreaker#recordSoon}):
 * daemon threads named {@code gogoscope-breaker-recorder}, created with the first breaker and shut down with the
 * application, so none outlives it.
 */
@ApplicationScoped
public class BreakerRegistry {

    /** A guarded method's policy and, when the policy is enabled, its breaker. */
    record Guarded(BreakerPolicy policy, SharedBreaker breaker) {
    }

    private final Map<Class<?>, Map<Method, Guarded>> guarded = new ConcurrentHashMap<>();
    private final Map<String, SharedBreaker> breakers = new ConcurrentHashMap<>();
    private ExecutorService recorders; // guarded by this
    private ExecutorService watchers; // guarded by this
    private boolean stopped; // guarded by this

    @Inject
    Providers providers;

    /** The policy and breaker of {@code method} on bean class {@code beanClass}: each bean class has its own. */
    Guarded guarded(Class<?> beanClass, Method method) {
        Map<Method, Guarded> ofClass = guarded.get(beanClass);
        Guarded known = ofClass == null ? null : ofClass.get(method);
        if (known != null) {
            return known; // every call but the first: no capturing lambda allocated
        }
        return guarded.computeIfAbsent(beanClass, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(method, m -> {
                    BreakerPolicy policy = BreakerPolicy.of(beanClass, method, MpConfig.current());
                    return new Guarded(policy, policy.enabled() ? breaker(policy) : null);
                });
    }

    private SharedBreaker breaker(BreakerPolicy policy) {
        return breakers.computeIfAbsent(policy.store() + "\u0000" + policy.name(), k -> {
            SharedBreaker breaker = new SharedBreaker(policy.settings(), providers.circuits(policy.store()),
                    Ticker.SYSTEM, recorders());
            breaker.observeWith(Providers.storeName(policy.store()), providers.telemetry());
            return breaker;
        });
    }

    /** The recorder pool, created on first use; once {@link #stop stopped}, a pool that refuses every task. */
    synchronized ExecutorService recorders() {
        if (recorders == null) {
            recorders = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "gogoscope-breaker-recorder");
                thread.setDaemon(true);
                return thread;
            });
            if (stopped) {
                recorders.shutdown();
            }
        }
        return recorders;
    }

    /**
     * Runs {@code watch} on a thread of this registry: it waits for an asynchronous method's plain {@code Future} to
     * record its outcome. Refused once the registry stopped.
     */
    synchronized void watch(Runnable watch) {
        if (watchers == null) {
            watchers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "gogoscope-breaker-future-watcher");
                thread.setDaemon(true);
                return thread;
            });
            if (stopped) {
                watchers.shutdown();
            }
        }
        watchers.execute(watch);
    }

    /**
     * Outcomes being written are finished; no new ones are accepted, and idle threads end at once. Watchers still
     * waiting for a {@code Future} are interrupted: the application is going away, so no thread of it stays.
     */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (recorders != null) {
            recorders.shutdown();
        }
        if (watchers != null) {
            watchers.shutdownNow();
        }
    }
}
