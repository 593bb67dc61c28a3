package org.gogoscope.interceptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.gogoscope.interceptors.breaker.BreakerBeans;

/** Every annotation mistake fails the deployment with a message naming annotation, member and method. */
class DeploymentValidationTest {

    private static final String P = "org.gogoscope.interceptors.BadBeans$";

    private static void assertDeploymentFails(Class<?> bean, String message) {
        Throwable failure = Nodes.deploymentFailure(bean);
        List<String> messages = new ArrayList<>();
        collect(failure, messages);
        assertThat(messages).as("messages of %s", failure).anySatisfy(m -> assertThat(m).contains(message));
    }

    private static void collect(Throwable failure, List<String> messages) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, messages);
            }
        }
    }

    @Test
    void lockedTtlMustBePositive() {
        assertDeploymentFails(BadBeans.NegativeTtl.class,
                "GOGO-0201: Invalid @Locked.ttl on " + P + "NegativeTtl.ship(String): must be > 0, was -5s");
    }

    @Test
    void keyParametersMustExist() {
        assertDeploymentFails(BadBeans.UnknownParameter.class, "GOGO-0202: Invalid @Locked.key on " + P
                + "UnknownParameter.ship(String): unknown parameter 'orderID' in \"order-{orderID}\"; "
                + "parameters are [orderId]");
    }

    @Test
    void keyPositionsMustBeInRange() {
        assertDeploymentFails(BadBeans.IndexOutOfRange.class, "GOGO-0202: Invalid @Locked.key on " + P
                + "IndexOutOfRange.ship(String): parameter index 1 in \"order-{1}\" is out of range: "
                + "the method has 1 parameter ({0})");
    }

    @Test
    void bracesMustBeClosed() {
        assertDeploymentFails(BadBeans.UnclosedBrace.class, "GOGO-0202: Invalid @Locked.key on " + P
                + "UnclosedBrace.ship(String): unclosed '{' at index 6 in \"order-{orderId\"");
    }

    @Test
    void aLoneClosingBraceMustBeDoubled() {
        assertDeploymentFails(BadBeans.UnmatchedClosingBrace.class, "GOGO-0202: Invalid @Locked.key on " + P
                + "UnmatchedClosingBrace.ship(String): unmatched '}' at index 6 in \"order-}{orderId}\" "
                + "(write }} for a literal brace)");
    }

    @Test
    void keyPropertiesMustHaveAnAccessor() {
        assertDeploymentFails(BadBeans.UnknownProperty.class, "GOGO-0202: Invalid @Locked.key on " + P
                + "UnknownProperty.ship(Item): no public accessor 'name()', 'getName()' or 'isName()' on " + P
                + "Item for {item.name} in \"item-{item.name}\"");
    }

    @Test
    void waitTimeMustNotBeNegative() {
        assertDeploymentFails(BadBeans.NegativeWait.class,
                "GOGO-0201: Invalid @Locked.waitTime on " + P + "NegativeWait.ship(String): must be >= 0, was -1ms");
    }

    @Test
    void skipNeedsAVoidMethod() {
        assertDeploymentFails(BadBeans.SkipNonVoid.class, "GOGO-0201: Invalid @Locked.onNotAcquired on " + P
                + "SkipNonVoid.ship(String): SKIP needs a void method, the method returns java.lang.String");
    }

    @Test
    void theWatchdogNeedsARealTtl() {
        assertDeploymentFails(BadBeans.WatchdogTinyTtl.class, "GOGO-0201: Invalid @Locked.watchdog on " + P
                + "WatchdogTinyTtl.ship(String): needs a ttl of at least 30ms, was 10ms");
    }

    @Test
    void idempotencyTtlMustBePositive() {
        assertDeploymentFails(BadBeans.ZeroIdempotencyTtl.class,
                "GOGO-0201: Invalid @Idempotent.ttl on " + P + "ZeroIdempotencyTtl.pay(String): must be > 0, was 0h");
    }

    @Test
    void leaseMustBePositive() {
        assertDeploymentFails(BadBeans.NegativeLease.class,
                "GOGO-0201: Invalid @Idempotent.lease on " + P + "NegativeLease.pay(String): must be > 0, was -30s");
    }

    @Test
    void anInterfaceResultCannotRoundTrip() {
        assertDeploymentFails(BadBeans.InterfaceResult.class, "GOGO-0203: Invalid @Idempotent on " + P
                + "InterfaceResult.pay(String): result type java.lang.CharSequence cannot round-trip through "
                + "JSON-B: CharSequence is an interface and JSON-B cannot tell which class to create");
    }

    @Test
    void anObjectResultCannotRoundTrip() {
        assertDeploymentFails(BadBeans.ObjectResult.class, "GOGO-0203: Invalid @Idempotent on " + P
                + "ObjectResult.pay(String): result type java.lang.Object cannot round-trip through JSON-B: "
                + "Object is read back as a Map or List, not as the written class");
    }

    @Test
    void aResultWithoutConstructorCannotRoundTrip() {
        assertDeploymentFails(BadBeans.ConstructorlessResult.class, "GOGO-0203: Invalid @Idempotent on " + P
                + "ConstructorlessResult.pay(String): result type " + P + "NoDefaultConstructor cannot round-trip "
                + "through JSON-B: no public or protected no-argument constructor and no @JsonbCreator");
    }

    @Test
    void aRawCollectionResultCannotRoundTrip() {
        assertDeploymentFails(BadBeans.RawListResult.class, "GOGO-0203: Invalid @Idempotent on " + P
                + "RawListResult.pay(String): result type java.util.List cannot round-trip through JSON-B: "
                + "raw List loses its element type; declare it, e.g. List<Item>");
    }

    @Test
    void mapKeysMustBeStrings() {
        assertDeploymentFails(BadBeans.IntegerKeyMapResult.class, "GOGO-0203: Invalid @Idempotent on " + P
                + "IntegerKeyMapResult.pay(String): result type java.util.Map<java.lang.Integer, " + P
                + "Item> cannot round-trip through JSON-B: map keys must be String, were java.lang.Integer");
    }

    @Test
    void sharedBreakerParametersAreCheckedLikeMicroProfiles() {
        assertDeploymentFails(BadBeans.BadFailureRatio.class, "GOGO-0201: Invalid @CircuitBreaker.failureRatio on " + P
                + "BadFailureRatio.call(): must be between 0 and 1, was 1.5");
    }

    @Test
    void theMinimumHoldIsAtMostTheTtl() {
        assertDeploymentFails(BadBeans.MinHoldLongerThanTtl.class, "GOGO-0201: Invalid @Locked.minHold on " + P
                + "MinHoldLongerThanTtl.run(): must not be longer than ttl (5s), was 10s");
    }

    @Test
    void sharingNeedsACircuitBreaker() {
        assertDeploymentFails(BadBeans.SharedWithoutBreaker.class, "GOGO-0204: Invalid @SharedCircuitBreaker on " + P
                + "SharedWithoutBreaker.call(): needs a MicroProfile @CircuitBreaker on the method or its class");
    }

    @Test
    void theHostInterceptorPriorityMustBeAnInteger() {
        System.setProperty("mp.fault.tolerance.interceptor.priority", "late");
        try {
            assertDeploymentFails(BreakerBeans.Plain.class, "GOGO-0102: Invalid mp.fault.tolerance.interceptor.priority='late': "
                    + "must be an integer (the priority of the Fault Tolerance interceptor)");
        } finally {
            System.clearProperty("mp.fault.tolerance.interceptor.priority");
        }
    }

    @Test
    void theSharedBreakersPropertiesTakeTheOneDurationSyntax() {
        System.setProperty("gogoscope.circuit-breaker.staleness", "soon");
        try {
            assertDeploymentFails(BreakerBeans.Quotes.class, "GOGO-0102: Invalid gogoscope.circuit-breaker.staleness: "
                    + "expected a duration such as 500ms, 2s, 10m, 1h, 1d or PT0.5S, at least 0s, was 'soon'");
        } finally {
            System.clearProperty("gogoscope.circuit-breaker.staleness");
        }
    }

    @Test
    void aProviderBeanMustExistForTheStore() {
        assertDeploymentFails(BadBeans.UnknownStore.class, "GOGO-0205: No LockProvider bean @Store(\"orders\") for " + P
                + "UnknownStore.ship(String): add gogoscope-cdi and configure gogoscope.store.*, or produce one");
    }
}
