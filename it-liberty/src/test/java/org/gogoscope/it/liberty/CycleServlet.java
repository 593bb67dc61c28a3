package org.gogoscope.it.liberty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * The application {@link RedeployIT} deploys and undeploys again and again: {@code POST /exercise} uses every part
 * of the library that starts a thread or opens a pool (a watchdog lock on Redis, shared breakers with a
 * {@code Future} and a {@code CompletionStage}, an idempotent call, a PostgreSQL store with its purge thread).
 */
@WebServlet("/exercise")
public class CycleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Work work;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ClassLoaders.register(CycleServlet.class);
            String id = UUID.randomUUID().toString();
            work.longJob(id);
            String result = String.join(" ", work.quote(), work.quoteLater().get(10, TimeUnit.SECONDS),
                    work.quoteStage().toCompletableFuture().get(10, TimeUnit.SECONDS), work.pay(id));
            response.setContentType("text/plain");
            response.getWriter().write(result);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @ApplicationScoped
    public static class Work {

        @Locked(key = "cycle-{id}", ttl = 150, ttlUnit = ChronoUnit.MILLIS, watchdog = true, store = "redis")
        public void longJob(String id) throws InterruptedException {
            Thread.sleep(400);
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
}
