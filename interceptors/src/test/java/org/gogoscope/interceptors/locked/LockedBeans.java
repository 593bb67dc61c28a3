package org.gogoscope.interceptors.locked;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Locked;

/** Beans with {@code @Locked} methods used by {@link LockedTest}. */
public final class LockedBeans {

    private LockedBeans() {
    }

    /** A resource that refuses writes with a fencing token lower than the last it accepted. */
    static final class FencedResource {
        private long lastToken;
        private int writes;

        synchronized void write(long token) {
            if (token <= lastToken) {
                throw new IllegalStateException("stale token " + token + " <= " + lastToken);
            }
            lastToken = token;
            writes++;
        }

        synchronized int writes() {
            return writes;
        }
    }

    record Order(String id, Customer customer) {
    }

    public static class Customer {
        private final String region;

        public Customer(String region) {
            this.region = region;
        }

        public String getRegion() {
            return region;
        }
    }

    @ApplicationScoped
    public static class Orders {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MAX_RUNNING = new AtomicInteger();
        static final AtomicInteger SKIPPED_RUNS = new AtomicInteger();

        @Inject
        CurrentLock lock;

        /** Holds the lock until {@code release} opens; returns its fencing token. */
        @Locked(key = "order-{orderId}", ttl = 10)
        public long hold(String orderId, CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return lock.fencingToken();
        }

        @Locked(key = "order-{orderId}", ttl = 10)
        public long ship(String orderId) {
            return lock.fencingToken();
        }

        @Locked(key = "order-{orderId}", ttl = 10, waitTime = 5, waitUnit = ChronoUnit.SECONDS)
        public long shipWaiting(String orderId) {
            return lock.fencingToken();
        }

        @Locked(key = "order-{orderId}", ttl = 10, waitTime = 20, waitUnit = ChronoUnit.SECONDS)
        public void writeFenced(String orderId, FencedResource resource) {
            int now = RUNNING.incrementAndGet();
            MAX_RUNNING.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(2);
                resource.write(lock.fencingToken());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                RUNNING.decrementAndGet();
            }
        }

        @Locked(key = "order-{orderId}", onNotAcquired = Locked.OnNotAcquired.SKIP)
        public void nightlyJob(String orderId) {
            SKIPPED_RUNS.incrementAndGet();
        }

        @Locked(key = "order-{orderId}")
        public void fail(String orderId) {
            throw new IllegalStateException("boom");
        }

        @Locked(key = "order-{orderId}")
        public CompletableFuture<Long> later(String orderId, CompletableFuture<Long> completion) {
            long token = lock.fencingToken();
            return completion.thenApply(value -> value + token * 0);
        }

        /** Runs past its TTL without a watchdog. */
        @Locked(key = "order-{orderId}", ttl = 150, ttlUnit = ChronoUnit.MILLIS)
        public void overrun(String orderId, CountDownLatch release) throws InterruptedException {
            release.await(10, TimeUnit.SECONDS);
        }

        @Locked(key = "order-{orderId}", ttl = 150, ttlUnit = ChronoUnit.MILLIS, watchdog = true)
        public void guarded(String orderId, CountDownLatch entered, CountDownLatch release)
                throws InterruptedException {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
        }

        @Locked(key = "{order.customer.region}/{{orders}}/{order.id}")
        public String nested(Order order) {
            return lock.handle().orElseThrow().key();
        }
    }
}
