package org.gogoscope.api;

/**
 * The stable number of every problem the library reports: configuration and deployment errors, the exceptions
 * it throws at run time, and the warnings it logs. A message starts with its code ({@code GOGO-0102: Invalid
 * gogoscope.store.orders.timeout: ...}), so a user can search for it; the README lists them all with what each
 * means and how to fix it. Numbers are never reused: a retired code keeps its number.
 *
 * <ul>
 *   <li>{@code 01xx}: configuration ({@link ConfigurationException}, and deployments failing because of it)</li>
 *   <li>{@code 02xx}: annotations and deployment validation</li>
 *   <li>{@code 03xx}: failures at run time</li>
 *   <li>{@code 05xx}: warnings (logged; nothing fails)</li>
 * </ul>
 */
public enum MessageCode {

    /** A required property is not set. */
    MISSING_PROPERTY(101, "A required property is not set"),
    /** A property's value has the wrong form or is out of range. */
    INVALID_VALUE(102, "A property's value has the wrong form or is out of range"),
    /** A store's {@code backend} names no backend whose jar is on the class path. */
    UNKNOWN_BACKEND(103, "The backend named by a store is not on the class path"),
    /** A store name has characters other than letters, digits, {@code _} and {@code -}. */
    INVALID_STORE_NAME(104, "A store name has characters other than letters, digits, '_' and '-'"),
    /** Two properties that exclude each other are both set, or one value is given twice with different values. */
    CONFLICTING_PROPERTIES(105, "Two properties that exclude each other are both set"),
    /** A store could not connect (server unreachable, bad credentials, unusable DataSource). */
    STORE_UNREACHABLE(106, "A store could not connect"),
    /** A store's JNDI DataSource is not bound. */
    DATASOURCE_NOT_BOUND(107, "A store's JNDI DataSource is not bound"),
    /** The configuration source could not produce a property's value (e.g. an expression that does not expand). */
    UNREADABLE_PROPERTY(108, "A property's value cannot be read from the configuration"),
    /** A deployment failed; the message lists every problem found, each with its own code. */
    DEPLOYMENT_FAILED(109, "The deployment has configuration problems, listed one by one"),
    POOL_NOT_ON_CLASS_PATH(110, "A SQL store on jdbc.url needs HikariCP on the class path"),
    /** A store's {@code datasource-bean} names no CDI {@code DataSource} bean of the application. */
    DATASOURCE_BEAN_NOT_FOUND(111, "A store's datasource-bean names no DataSource bean"),

    /** An annotation member has a value the library cannot use. */
    INVALID_ANNOTATION(201, "An annotation member has a value the library cannot use"),
    /** A key template names something the method does not have. */
    INVALID_KEY_TEMPLATE(202, "A key template names a parameter or property the method does not have"),
    /** An {@code @Idempotent} method's result type cannot be stored as JSON and read back. */
    RESULT_NOT_STORABLE(203, "An @Idempotent method's result cannot be stored as JSON and read back"),
    /** A {@code @SharedCircuitBreaker} without a MicroProfile {@code @CircuitBreaker}, or without the FT API. */
    SHARED_BREAKER_WITHOUT_BREAKER(204, "@SharedCircuitBreaker needs a MicroProfile @CircuitBreaker and the Fault Tolerance API"),
    /** No provider bean exists for a store an annotation uses. */
    NO_PROVIDER_BEAN(205, "No provider bean exists for the store an annotation uses"),

    /** A backend failed (unreachable, timed out, refused the statement, or answered something unreadable). */
    BACKEND_FAILURE(301, "A backend failed"),
    /** A {@code @Locked} method did not run: the lock was held, or the wait was interrupted. */
    LOCK_NOT_ACQUIRED(302, "A @Locked method did not run because its lock is held"),
    /** Another call with the same {@code @Idempotent} key is still running. */
    IDEMPOTENCY_IN_PROGRESS(303, "Another call with the same idempotency key is running"),
    /** An {@code @Idempotent} key was reused with different arguments. */
    IDEMPOTENCY_MISMATCH(304, "An idempotency key was reused with different arguments"),
    /** A shared circuit breaker is open (on this node or another). */
    SHARED_BREAKER_OPEN(305, "A shared circuit breaker is open"),

    /** Store {@code default} has no configuration and uses the in-memory backend. */
    EMBEDDED_DEFAULT(501, "The default store has no configuration and keeps its state in this JVM"),
    /** A {@code gogoscope.*} property is read by no module on the class path (a typo, or a missing jar). */
    UNKNOWN_PROPERTY(502, "A gogoscope.* property is read by nothing on the class path"),
    /** A property was set under a name that has been replaced. */
    DEPRECATED_PROPERTY(503, "A property is set under its old name"),
    /** A store's DataSource was not bound at deployment; it connects on first use. */
    LATE_DATASOURCE(504, "A store's DataSource is not bound yet; it connects on first use"),
    /** A store failed to disconnect at shutdown. */
    DISCONNECT_FAILED(505, "A store failed to disconnect at shutdown"),
    /** A backend's jar is on the class path but cannot be loaded (e.g. its client library is missing). */
    BACKEND_NOT_LOADABLE(506, "A backend's jar cannot be loaded"),
    /** Existing rows prevent a unique index of the schema; the statements that rely on it still work. */
    SCHEMA_INDEX_SKIPPED(507, "Existing rows prevent a unique index of the schema"),
    /** No JTA TransactionManager was found for a container DataSource. */
    NO_TRANSACTION_MANAGER(508, "No JTA TransactionManager found for a container DataSource"),
    /** Releasing a {@code @Locked} method's lock failed; the lock expires with its TTL. */
    LOCK_RELEASE_FAILED(509, "Releasing a lock failed; it expires with its TTL"),
    /** A watchdog found its lock lost (expired or taken over), or failed to extend it. */
    WATCHDOG_LOST_LOCK(510, "A watchdog lost its lock or failed to extend it"),
    /** A shared breaker could not reach its backend and let a call through untracked, or dropped an outcome. */
    SHARED_BREAKER_DEGRADED(511, "A shared breaker could not reach its backend"),
    /** An {@code @Idempotent} call outlived its claim's lease, or storing its result failed. */
    IDEMPOTENCY_DEGRADED(512, "An idempotent call outlived its lease or its result could not be stored"),
    /** The purge of expired rows failed; it is retried later. */
    PURGE_FAILED(513, "Purging expired rows failed"),
    /** Setting up telemetry (the OpenTelemetry API, the {@code Telemetry} bean) failed; nothing is recorded. */
    TELEMETRY_UNAVAILABLE(514, "Telemetry could not be set up; the library runs without it"),
    /** A telemetry call threw; it and every later failure of that telemetry are dropped, the call goes on. */
    TELEMETRY_CALL_FAILED(515, "A telemetry call failed; it and later failures are dropped"),
    /** The shared breaker's reaction to the host's timeout interrupt threw; the interrupt itself goes on. */
    INTERRUPT_REACTION_FAILED(516, "Reacting to a timed-out call's interrupt failed"),
    /** The operator page refused a POST without this browser's form token or from another origin. */
    ADMIN_POST_REFUSED(517, "The operator page refused a forged or cross-site POST"),
    /** A store failed while the operator page used it; the page shows the error. */
    ADMIN_STORE_FAILED(518, "A store failed while the operator page used it");

    private final int number;
    private final String summary;

    MessageCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    /** The code as written in messages, e.g. {@code GOGO-0102}. */
    public String id() {
        return String.format("GOGO-%04d", number);
    }

    /** What the code means, in one line. */
    public String summary() {
        return summary;
    }

    /** {@code message} prefixed by this code: {@code GOGO-0102: message}. */
    public String format(String message) {
        return id() + ": " + message;
    }

    /** The code a message starts with, if any. */
    public static java.util.Optional<MessageCode> of(String message) {
        if (message != null) {
            for (MessageCode code : values()) {
                if (message.startsWith(code.id() + ":")) {
                    return java.util.Optional.of(code);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
