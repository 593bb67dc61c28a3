package org.gogoscope.interceptors.idempotent;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.IdempotencyInProgressException;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.interceptors.Backoff;
import org.gogoscope.interceptors.Providers;

/**
 * Implements {@link Idempotent}: claim, run, complete (or release on failure). Runs outside {@code @Locked}
 * and transaction interceptors, so a replay takes no lock and a result is stored only after the commit.
 * Round trips: a replay costs one claim; a first call one claim and one complete (or release).
 */
@IdempotentBinding
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class IdempotentInterceptor {

    private static final System.Logger LOG = System.getLogger(IdempotentInterceptor.class.getName());
    /** Plans per method, parsed once (they were validated at deployment). */
    private static final Map<Method, IdempotentPlan> PLANS = new ConcurrentHashMap<>();

    @Inject
    Providers providers;

    @AroundInvoke
    public Object once(InvocationContext context) throws Exception {
        IdempotentPlan plan = plan(context.getMethod());
        String key = plan.key().resolve(context.getParameters());
        String fingerprint = plan.fingerprint(context.getParameters());
        IdempotencyProvider records = providers.idempotency(plan.store());
        Backoff backoff = null;
        while (true) {
            ClaimResult<Envelope<?>> claim = records.claim(key, fingerprint, plan.lease(), plan.envelopeType());
            if (claim instanceof ClaimResult.Claimed<Envelope<?>> claimed) {
                return run(context, plan, records, key, claimed.claimToken());
            }
            if (claim instanceof ClaimResult.Completed<Envelope<?>> completed) {
                Object value = completed.result().value;
                return plan.async() ? CompletableFuture.completedFuture(value) : value;
            }
            if (claim instanceof ClaimResult.Mismatch<Envelope<?>>) {
                throw new IdempotencyMismatchException(key);
            }
            ClaimResult.InProgress<Envelope<?>> inProgress = (ClaimResult.InProgress<Envelope<?>>) claim;
            if (plan.onInProgress() == Idempotent.OnInProgress.THROW) {
                throw new IdempotencyInProgressException(key, inProgress.leaseExpiresAt());
            }
            if (backoff == null) {
                backoff = new Backoff(System.nanoTime() + plan.waitTime().toNanos());
            }
            boolean again;
            try {
                again = backoff.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                IdempotencyInProgressException stop = new IdempotencyInProgressException(key,
                        inProgress.leaseExpiresAt());
                stop.initCause(e);
                throw stop;
            }
            if (!again) {
                throw new IdempotencyInProgressException(key, inProgress.leaseExpiresAt());
            }
        }
    }

    private static Object run(InvocationContext context, IdempotentPlan plan, IdempotencyProvider records, String key,
            String token) throws Exception {
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            release(records, key, token, failure);
            throw failure;
        }
        if (plan.async() && result instanceof CompletionStage<?> stage) {
            return stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    complete(records, plan, key, token, value);
                } else {
                    release(records, key, token, failure);
                }
            });
        }
        complete(records, plan, key, token, result);
        return result;
    }

    private static void complete(IdempotencyProvider records, IdempotentPlan plan, String key, String token,
            Object value) {
        try {
            if (!records.complete(key, token, new Envelope<>(value), plan.ttl())) {
                LOG.log(Level.WARNING, MessageCode.IDEMPOTENCY_DEGRADED.format("Idempotency key ''{0}'': the "
                        + "claim''s lease ran out before the call ended; the result was not stored (raise "
                        + "@Idempotent.lease)"), key);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, MessageCode.IDEMPOTENCY_DEGRADED.format("Idempotency key '" + key + "': storing "
                    + "the result failed; releasing the claim"), e);
            release(records, key, token, e);
        }
    }

    private static void release(IdempotencyProvider records, String key, String token, Throwable failure) {
        try {
            records.release(key, token);
        } catch (RuntimeException e) {
            if (failure != e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static IdempotentPlan plan(Method method) {
        return PLANS.computeIfAbsent(method, m -> IdempotentPlan.of(m.getAnnotation(Idempotent.class), m));
    }
}
