package org.gogoscope.interceptors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This node's shared breakers, one per breaker name and store, and the policy of every guarded method. */
@ApplicationScoped
public class BreakerRegistry {

    private final Map<Method, BreakerPolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, SharedBreaker> breakers = new ConcurrentHashMap<>();

    @Inject
    Providers providers;

    BreakerPolicy policy(Method method) {
        return policies.computeIfAbsent(method,
                m -> BreakerPolicy.of(m, MpConfig.current(m.getDeclaringClass().getClassLoader())));
    }

    SharedBreaker breaker(BreakerPolicy policy) {
        return breakers.computeIfAbsent(policy.store() + "\u0000" + policy.name(),
                k -> new SharedBreaker(policy, providers.circuits(policy.store())));
    }
}
