package org.gogoscope.interceptors.idempotent;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.annotation.Idempotent;

/** Beans with {@code @Idempotent} methods used by {@link IdempotentTest}. */
public final class IdempotentBeans {

    private IdempotentBeans() {
    }

    public record Receipt(String requestId, BigDecimal amount, int run) {
    }

    @ApplicationScoped
    public static class Payments {
        public static final AtomicInteger RUNS = new AtomicInteger();

        @Idempotent(key = "pay-{requestId}")
        public Receipt pay(String requestId, BigDecimal amount) {
            return new Receipt(requestId, amount, RUNS.incrementAndGet());
        }

        @Idempotent(key = "slow-{requestId}")
        public Receipt slow(String requestId, CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return new Receipt(requestId, BigDecimal.ONE, RUNS.incrementAndGet());
        }

        @Idempotent(key = "slow-{requestId}", onInProgress = Idempotent.OnInProgress.WAIT, waitTime = 5)
        public Receipt slowWaiting(String requestId) {
            return new Receipt(requestId, BigDecimal.TEN, RUNS.incrementAndGet());
        }

        @Idempotent(key = "flaky-{requestId}")
        public Receipt flaky(String requestId, boolean fail) {
            RUNS.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("declined");
            }
            return new Receipt(requestId, BigDecimal.ONE, RUNS.get());
        }

        @Idempotent(key = "void-{requestId}")
        public void notify(String requestId) {
            RUNS.incrementAndGet();
        }

        @Idempotent(key = "null-{requestId}")
        public String nothing(String requestId) {
            RUNS.incrementAndGet();
            return null;
        }

        @Idempotent(key = "list-{requestId}")
        public List<Receipt> list(String requestId) {
            return List.of(new Receipt(requestId, BigDecimal.ONE, RUNS.incrementAndGet()));
        }

        @Idempotent(key = "async-{requestId}")
        public CompletionStage<Receipt> async(String requestId, CompletableFuture<BigDecimal> amount) {
            RUNS.incrementAndGet();
            return amount.thenApply(value -> new Receipt(requestId, value, RUNS.get()));
        }
    }
}
