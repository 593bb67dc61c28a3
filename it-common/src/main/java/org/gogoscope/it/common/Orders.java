package org.gogoscope.it.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * The intercepted service of the two-node application: a {@code @Locked} job, an {@code @Idempotent} payment
 * and a shared MicroProfile {@code @CircuitBreaker}. Each method counts its executions on this node, and
 * results name the node that produced them (see {@link #node()}). A WAR using it must contain this class and
 * {@link Receipt}.
 */
@ApplicationScoped
public class Orders {

    /** What a payment returns: who ran it, for how much, and the how-many-th run on that node it was. */
    public record Receipt(String requestId, int amount, String node, int run) {
    }

    @Inject
    CurrentLock currentLock;

    private final AtomicInteger jobsRunning = new AtomicInteger();
    private final AtomicInteger payments = new AtomicInteger();
    private final AtomicInteger inventoryCalls = new AtomicInteger();

    /** How many locked jobs run on this node right now (a method: fields of a client proxy are not the bean's). */
    public int jobsRunning() {
        return jobsRunning.get();
    }

    /** How many times {@link #inventory} itself ran on this node. */
    public int inventoryCalls() {
        return inventoryCalls.get();
    }

    /** Holds lock {@code job-<id>} for about {@code holdMillis} and returns its fencing token. */
    @Locked(key = "job-{jobId}", ttl = 30, ttlUnit = ChronoUnit.SECONDS)
    public long runJob(String jobId, long holdMillis) throws InterruptedException {
        jobsRunning.incrementAndGet();
        try {
            TimeUnit.MILLISECONDS.sleep(Math.min(holdMillis, 20_000));
            return currentLock.fencingToken();
        } finally {
            jobsRunning.decrementAndGet();
        }
    }

    @Idempotent(key = "payment-{requestId}", ttl = 10, ttlUnit = ChronoUnit.MINUTES)
    public Receipt pay(String requestId, int amount) {
        return new Receipt(requestId, amount, node(), payments.incrementAndGet());
    }

    /** A flaky downstream call; the breaker opens after 4 calls of which at least half failed. */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60, delayUnit = ChronoUnit.SECONDS)
    @SharedCircuitBreaker(name = "inventory")
    public String inventory(boolean fail) {
        inventoryCalls.incrementAndGet();
        if (fail) {
            throw new IllegalStateException("inventory service down");
        }
        return "in stock";
    }

    /**
     * The name of this node: the first system property set of {@code gogoscope.it.node} (any server),
     * {@code jboss.node.name} (WildFly), {@code payara.instance.name} (Payara), else {@code unknown}.
     */
    public static String node() {
        for (String property : new String[] {"gogoscope.it.node", "jboss.node.name", "payara.instance.name"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "unknown";
    }
}
