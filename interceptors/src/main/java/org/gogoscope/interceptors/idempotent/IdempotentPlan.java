package org.gogoscope.interceptors.idempotent;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.interceptors.Durations;
import org.gogoscope.interceptors.InvalidAnnotationException;
import org.gogoscope.interceptors.JsonTypes;
import org.gogoscope.interceptors.KeyTemplate;

/**
 * A validated {@link Idempotent} annotation of one method.
 *
 * @param fingerprinted per parameter, whether its argument enters the fingerprint (see {@link JsonTypes#isData})
 */
public record IdempotentPlan(KeyTemplate key, Duration ttl, Duration lease, boolean[] fingerprinted,
        Idempotent.OnInProgress onInProgress, Duration waitTime, String store, boolean async, Type envelopeType) {

    /** @throws InvalidAnnotationException for the first member the method cannot use */
    public static IdempotentPlan of(Idempotent idempotent, Method method) {
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
            throw new InvalidAnnotationException(MessageCode.RESULT_NOT_STORABLE, "Idempotent", null, method, "result type "
                    + resultType.getTypeName() + " cannot round-trip through JSON-B: " + problem);
        }
        boolean[] fingerprinted = new boolean[method.getParameterCount()];
        for (int i = 0; i < fingerprinted.length; i++) {
            fingerprinted[i] = idempotent.fingerprint() && JsonTypes.isData(method.getGenericParameterTypes()[i]);
        }
        return new IdempotentPlan(key, ttl, lease, fingerprinted, idempotent.onInProgress(), wait,
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

    /** The fingerprint of one call, or {@code null} when no argument is fingerprinted. */
    String fingerprint(Object[] arguments) {
        java.util.List<Object> data = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (fingerprinted[i]) {
                data.add(arguments[i]);
            }
        }
        boolean any = false;
        for (boolean f : fingerprinted) {
            any |= f;
        }
        return any ? Fingerprints.of(data.toArray()) : null;
    }
}
