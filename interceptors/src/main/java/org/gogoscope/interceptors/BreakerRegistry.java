package org.gogoscope.interceptors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This node's shared breakers, one per breaker name and store, and the policy of every guarded method. */
@ApplicationScoped
public class BreakerRegistry {

    private final Map<List<Object>, BreakerPolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, SharedBreaker> breakers = new ConcurrentHashMap<>();

    @Inject
    Providers providers;

    /** The policy of {@code method} on bean class {@code beanClass}: each bean class has its own breaker. */
    BreakerPolicy policy(Class<?> beanClass, Method method) {
        return policies.computeIfAbsent(List.of(beanClass, method),
                k -> BreakerPolicy.of(beanClass, method, MpConfig.current()));
    }

    SharedBreaker breaker(BreakerPolicy policy) {
        return breakers.computeIfAbsent(policy.store() + "\u0000" + policy.name(),
                k -> new SharedBreaker(policy, providers.circuits(policy.store())));
    }
}
