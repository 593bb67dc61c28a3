package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
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
import org.gogoscope.it.common.ClassLoaders;

/**
 * The application {@link RedeployIT} deploys and undeploys again and again: {@code POST /api/exercise} uses
 * every part of the library that starts a thread or opens a pool, so that a leak would show: a watchdog lock
 * on Redis, the shared breaker (with a plain {@code Future} that a watcher thread waits for, and a
 * {@code CompletionStage}), an idempotent call, and the purge thread of the PostgreSQL store.
 */
@ApplicationPath("api")
public class CycleApp extends Application {

    @ApplicationScoped
    public static class Work {

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

    @Path("exercise")
    @ApplicationScoped
    public static class Exercise {
        @Inject
        Work work;

        @POST
        @Produces(MediaType.TEXT_PLAIN)
        public String exercise() throws Exception {
            ClassLoaders.register(CycleApp.class);
            String id = UUID.randomUUID().toString();
            work.longJob(id);
            String quote = work.quote();
            String later = work.quoteLater().get(10, TimeUnit.SECONDS);
            String stage = work.quoteStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String paid = work.pay(id);
            return String.join(" ", quote, later, stage, paid);
        }
    }
}
