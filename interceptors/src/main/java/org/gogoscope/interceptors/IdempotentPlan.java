package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.gogoscope.api.annotation.Idempotent;

/** A validated {@link Idempotent} annotation of one method. */
record IdempotentPlan(KeyTemplate key, Duration ttl, Duration lease, boolean fingerprint,
        Idempotent.OnInProgress onInProgress, Duration waitTime, String store, boolean async, Type envelopeType) {

    /** @throws InvalidAnnotationException for the first member the method cannot use */
    static IdempotentPlan of(Idempotent idempotent, Method method) {
        KeyTemplate key = KeyTemplate.parse("Idempotent", method, idempotent.key());
        Duration ttl = Durations.of("Idempotent", "ttl", method, idempotent.ttl(), idempotent.ttlUnit(), false);
        Duration lease = Durations.of("Idempotent", "lease", method, idempotent.lease(), idempotent.leaseUnit(),
                false);
        Duration wait = Durations.of("Idempotent", "waitTime", method, idempotent.waitTime(), idempotent.waitUnit(),
                false);
        boolean async = CompletionStage.class.isAssignableFrom(method.getReturnType());
        Type resultType = resultType(method, async);
        String problem = JsonTypes.problem(resultType);
        if (problem != null) {
            throw new InvalidAnnotationException("Idempotent", "return type", method,
                    resultType.getTypeName() + " cannot round-trip through JSON-B: " + problem);
        }
        return new IdempotentPlan(key, ttl, lease, idempotent.fingerprint(), idempotent.onInProgress(), wait,
                idempotent.store(), async, Envelope.typeOf(resultType));
    }

    private static Type resultType(Method method, boolean async) {
        Type type = method.getGenericReturnType();
        if (type == void.class) {
            return Void.class;
        }
        if (async) {
            if (type instanceof ParameterizedType parameterized) {
                return parameterized.getActualTypeArguments()[0];
            }
            return Object.class;
        }
        return type;
    }
}
