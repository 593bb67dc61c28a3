package org.gogoscope.interceptors.breaker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.core.breaker.SharedBreaker;
import org.gogoscope.core.breaker.Ticker;
import org.gogoscope.interceptors.ContainerExecutors;
import org.gogoscope.interceptors.MpConfig;
import org.gogoscope.interceptors.Providers;

/**
 * This node's shared breakers, one per breaker name and store, and the policy of every guarded method. The
 * per-call lookup ({@link #guarded}) is two map reads on identity-hashed keys: no allocation, no string built.
 *
 * <p>It holds the executor that writes outcomes known before a call returns ({@link SharedBreaker#recordSoon}):
 * the container's {@code ManagedExecutorService} where there is one, else daemon threads named
 * {@code gogoscope-breaker-recorder}, created with the first breaker ({@link ContainerExecutors}). The threads that
 * wait for asynchronous methods' plain {@code Future}s are always its own ({@code gogoscope-breaker-future-watcher}):
 * each blocks for as long as the method runs, which a container's bounded pool should not be asked to hold (where
 * the host runs asynchronous methods on that same pool, waiters could starve the work they wait for). All stop with
 * the application, so nothing of it outlives it.
 */
@ApplicationScoped
public class BreakerRegistry {

    /** A guarded method's policy and, when the policy is enabled, its breaker. */
    record Guarded(BreakerPolicy policy, SharedBreaker breaker) {
    }

    private final Map<Class<?>, Map<Method, Guarded>> guarded = new ConcurrentHashMap<>();
    private final Map<String, SharedBreaker> breakers = new ConcurrentHashMap<>();
    private ContainerExecutors recorders; // guarded by this
    private ContainerExecutors watchers; // guarded by this
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

    /**
     * The recorder executor, created on first use (on the application thread that creates the first breaker); once
     * {@link #stop stopped}, one that refuses every task.
     */
    synchronized ContainerExecutors recorders() {
        if (recorders == null) {
            recorders = ContainerExecutors.plain("gogoscope-breaker-recorder");
            if (stopped) {
                recorders.stop(false);
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
            watchers = ContainerExecutors.owned("gogoscope-breaker-future-watcher");
            if (stopped) {
                watchers.stop(false);
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
            recorders.stop(false);
        }
        if (watchers != null) {
            watchers.stop(true);
        }
    }
}
