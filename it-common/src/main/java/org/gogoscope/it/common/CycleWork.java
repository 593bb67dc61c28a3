package org.gogoscope.it.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * Server side, in the application a redeploy check cycles ({@link RedeployCheck}): uses every part of the library
 * that starts a thread or opens a pool, so that a leak would show: a watchdog lock on the store {@code redis}, the
 * shared breaker (with a plain {@code Future}, which a watcher thread waits for, and a {@code CompletionStage}),
 * an idempotent call, and whatever the default store starts (the PostgreSQL store's purge thread).
 */
@ApplicationScoped
public class CycleWork {

    /** Registers the application's class loader ({@link ClassLoaders}) and runs each method once through the bean. */
    public static String exercise(CycleWork work) throws Exception {
        ClassLoaders.register(CycleWork.class);
        String id = UUID.randomUUID().toString();
        work.longJob(id);
        return String.join(" ", work.quote(), work.quoteLater().get(10, TimeUnit.SECONDS),
                work.quoteStage().toCompletableFuture().get(10, TimeUnit.SECONDS), work.pay(id));
    }

    @Locked(key = "cycle-{id}", ttl = 150, ttlUnit = ChronoUnit.MILLIS, watchdog = true, store = "redis")
    public void longJob(String id) throws InterruptedException {
        Thread.sleep(400); // the watchdog extends it a few times
    }

    @CircuitBreaker(requestVolumeThreshold = 4, delay = 1000)
    @SharedCircuitBreaker
    public String quote() {
        return "quote";
    }

    @Asynchronous
    @CircuitBreaker(requestVolumeThreshold = 4, delay = 1000)
    @SharedCircuitBreaker
    public Future<String> quoteLater() {
        return CompletableFuture.completedFuture("later");
    }

    @Asynchronous
    @CircuitBreaker(requestVolumeThreshold = 4, delay = 1000)
    @SharedCircuitBreaker
    public CompletionStage<String> quoteStage() {
        return CompletableFuture.completedFuture("stage");
    }

    @Idempotent(key = "pay-{id}")
    public String pay(String id) {
        return "paid " + id;
    }
}
