package org.gogoscope.interceptors;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/** One mistake per bean, each to be reported at deployment by {@link DeploymentValidationTest}. */
final class BadBeans {

    private BadBeans() {
    }

    public record Item(String id) {
    }

    public static class NoDefaultConstructor {
        public final String id;

        public NoDefaultConstructor(String id) {
            this.id = id;
        }
    }

    @ApplicationScoped
    public static class NegativeTtl {
        @Locked(key = "order-{orderId}", ttl = -5)
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class UnknownParameter {
        @Locked(key = "order-{orderID}")
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class IndexOutOfRange {
        @Locked(key = "order-{1}")
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class UnclosedBrace {
        @Locked(key = "order-{orderId")
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class UnmatchedClosingBrace {
        @Locked(key = "order-}{orderId}")
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class UnknownProperty {
        @Locked(key = "item-{item.name}")
        public void ship(Item item) {
        }
    }

    @ApplicationScoped
    public static class NegativeWait {
        @Locked(key = "order-{orderId}", waitTime = -1)
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class SkipNonVoid {
        @Locked(key = "order-{orderId}", onNotAcquired = Locked.OnNotAcquired.SKIP)
        public String ship(String orderId) {
            return orderId;
        }
    }

    @ApplicationScoped
    public static class MinHoldLongerThanTtl {
        @Locked(key = "job", ttl = 5, minHold = 10, onNotAcquired = Locked.OnNotAcquired.SKIP)
        public void run() {
        }
    }

    @ApplicationScoped
    public static class WatchdogTinyTtl {
        @Locked(key = "order-{orderId}", ttl = 10, ttlUnit = ChronoUnit.MILLIS, watchdog = true)
        public void ship(String orderId) {
        }
    }

    @ApplicationScoped
    public static class ZeroIdempotencyTtl {
        @Idempotent(key = "pay-{requestId}", ttl = 0)
        public String pay(String requestId) {
            return requestId;
        }
    }

    @ApplicationScoped
    public static class NegativeLease {
        @Idempotent(key = "pay-{requestId}", lease = -30)
        public String pay(String requestId) {
            return requestId;
        }
    }

    @ApplicationScoped
    public static class InterfaceResult {
        @Idempotent(key = "pay-{requestId}")
        public CharSequence pay(String requestId) {
            return requestId;
        }
    }

    @ApplicationScoped
    public static class ObjectResult {
        @Idempotent(key = "pay-{requestId}")
        public Object pay(String requestId) {
            return requestId;
        }
    }

    @ApplicationScoped
    public static class ConstructorlessResult {
        @Idempotent(key = "pay-{requestId}")
        public NoDefaultConstructor pay(String requestId) {
            return new NoDefaultConstructor(requestId);
        }
    }

    @ApplicationScoped
    public static class RawListResult {
        @SuppressWarnings("rawtypes")
        @Idempotent(key = "pay-{requestId}")
        public List pay(String requestId) {
            return List.of(requestId);
        }
    }

    @ApplicationScoped
    public static class IntegerKeyMapResult {
        @Idempotent(key = "pay-{requestId}")
        public Map<Integer, Item> pay(String requestId) {
            return Map.of(1, new Item(requestId));
        }
    }

    @ApplicationScoped
    public static class BadFailureRatio {
        @CircuitBreaker(failureRatio = 1.5)
        @SharedCircuitBreaker
        public void call() {
        }
    }

    @ApplicationScoped
    public static class SharedWithoutBreaker {
        @SharedCircuitBreaker
        public void call() {
        }
    }

    @ApplicationScoped
    public static class UnknownStore {
        @Locked(key = "order-{orderId}", store = "orders")
        public void ship(String orderId) {
        }
    }
}
