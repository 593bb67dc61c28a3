package org.gogoscope.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gogoscope.api.CircuitBreakerState;
import org.gogoscope.api.CircuitState;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.PersistenceAdapter;

/**
 * What a Java node and a Node node (go-go-scope's own published adapter, {@link NodePeer}) with the same key prefix
 * must agree on, whatever the backend: one holder per lock, TTLs and extends honoured both ways, each other's cache
 * entries (get, has, delete, keys, TTL), one breaker state whose counts add up across both. Each check is written
 * by one side and read by the other, in both directions. The backend tests run it in both orders of first connect.
 */
final class SideBySide {

    /** Long enough that nothing expires while a step runs. */
    static final Duration LONG = Duration.ofSeconds(30);
    /** Short lock TTLs that the TTL step waits out. */
    static final long SHORT_LOCK_MILLIS = 400;
    /**
     * Short cache TTLs. The Node MySQL adapter stores a cache expiry truncated to the second (so its entries end up
     * to a second early) and compares expiries with {@code NOW()}, whole seconds (so this library's entries end up
     * to a second late for it).
     */
    static final long SHORT_CACHE_MILLIS = 1_500;
    /** Waits out both short TTLs, and the second by which the Node MySQL adapter sees a cache entry late. */
    static final long WAIT_OUT_MILLIS = 3_000;

    /** How Node takes over a lock whose TTL ran out on a backend (MongoDB: once the TTL monitor removed it). */
    interface ExpiredLockForNode {
        boolean acquire(NodePeer node, String key);
    }

    /** The Node SQL adapters take over an expired lock row at once. */
    static final ExpiredLockForNode AT_ONCE = (peer, key) -> peer.acquire(key, LONG.toMillis());

    private final PersistenceAdapter java;
    private final NodePeer node;
    private final ExpiredLockForNode expiredLockForNode;

    SideBySide(PersistenceAdapter java, NodePeer node, ExpiredLockForNode expiredLockForNode) {
        this.java = java;
        this.node = node;
        this.expiredLockForNode = expiredLockForNode;
    }

    /** A lock held by either is refused to the other; one released by Node is free to Java at once. */
    LockHandle locksHeldByEitherAreRefusedToTheOther() {
        assertThat(node.acquire("job", LONG.toMillis())).as("Node takes the free lock").isTrue();
        assertThat(java.locks().acquire("job", LONG, "java")).as("held by Node: refused to Java").isEmpty();
        LockInfo holder = java.locks().inspect("job").orElseThrow();
        assertThat(holder.owner()).as("Java sees Node's holder").isNotEqualTo("java").isNotBlank();
        assertThat(holder.remaining()).isBetween(Duration.ofSeconds(20), LONG);
        assertThat(node.release("job")).isTrue();

        LockHandle handle = java.locks().acquire("job", LONG, "java").orElseThrow(() -> new AssertionError(
                "released by Node: free to Java"));
        assertThat(handle.fencingToken()).isPositive();
        assertThat(node.acquire("job", LONG.toMillis())).as("held by Java: refused to Node").isFalse();
        assertThat(handle.extend(LONG.multipliedBy(2))).isTrue();
        assertThat(node.acquire("job", LONG.toMillis())).as("still held after Java's extend").isFalse();
        return handle;
    }

    /**
     * Short locks by each side expire for the other; extended ones do not. Starts them, waits them out, then
     * checks: one wait for every TTL in the test.
     */
    void lockTtlsAndExtendsAreHonouredBothWays() throws InterruptedException {
        LockHandle javaShort = java.locks().acquire("java-short", Duration.ofMillis(SHORT_LOCK_MILLIS), "java")
                .orElseThrow();
        assertThat(node.acquire("node-short", SHORT_LOCK_MILLIS)).isTrue();
        LockHandle javaExtended = java.locks().acquire("java-extended", Duration.ofMillis(SHORT_LOCK_MILLIS), "java")
                .orElseThrow();
        assertThat(javaExtended.extend(LONG)).isTrue();
        assertThat(node.acquire("node-extended", SHORT_LOCK_MILLIS)).isTrue();
        assertThat(node.extend("node-extended", LONG.toMillis())).isTrue();
        assertThat(node.acquire("java-short", LONG.toMillis())).as("live: refused").isFalse();
        assertThat(java.locks().acquire("node-short", LONG, "java")).as("live: refused").isEmpty();

        Thread.sleep(WAIT_OUT_MILLIS);
        assertThat(java.locks().acquire("node-short", LONG, "java")).as("Node's lock expired: free to Java")
                .isPresent();
        assertThat(nodeAcquiresExpired("java-short")).as("Java's lock expired: free to Node").isTrue();
        assertThat(javaShort.isValid()).isFalse();
        assertThat(node.acquire("java-extended", LONG.toMillis())).as("extended by Java: still held").isFalse();
        assertThat(java.locks().acquire("node-extended", LONG, "java")).as("extended by Node: still held").isEmpty();
    }

    private boolean nodeAcquiresExpired(String key) {
        return expiredLockForNode.acquire(node, key);
    }

    /** Entries written by either side are read, listed and deleted by the other. */
    void cacheEntriesAreSharedBothWays() {
        java.cache().set("order:7", Map.of("id", 7, "lines", List.of("a", 2.5, true), "note", "é \"q\" ✓"));
        assertThat(node.cacheGet("order:7")).isEqualTo(Json.createObjectBuilder().add("id", 7)
                .add("lines", Json.createArrayBuilder().add("a").add(2.5).add(true)).add("note", "é \"q\" ✓").build());
        assertThat(node.cacheHas("order:7")).isTrue();

        node.cacheSet("from-node", Json.createObjectBuilder().add("n", 1).add("s", "ü").build(), LONG.toMillis());
        node.cacheSet("plain", Json.createValue("text"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> fromNode = java.cache().get("from-node", Map.class).orElseThrow();
        assertThat(fromNode).containsEntry("s", "ü");
        assertThat(((Number) fromNode.get("n")).intValue()).isEqualTo(1);
        assertThat(java.cache().get("plain", String.class)).contains("text");
        assertThat(java.cache().has("from-node")).isTrue();

        assertThat(java.cache().keys()).containsExactlyInAnyOrder("order:7", "from-node", "plain");
        assertThat(java.cache().keys("order:*")).containsExactly("order:7");
        assertThat(node.cacheKeys(null)).containsExactlyInAnyOrder("order:7", "from-node", "plain");

        node.cacheDelete("order:7");
        assertThat(java.cache().get("order:7", Map.class)).as("deleted by Node").isEmpty();
        assertThat(java.cache().delete("from-node")).isTrue();
        assertThat(node.cacheGet("from-node")).as("deleted by Java").isEqualTo(JsonValue.NULL);
        assertThat(java.cache().delete("plain")).isTrue();
    }

    /** Starts short cache entries on both sides; {@link #cacheTtlsHaveRunOut} checks them after the wait. */
    void cacheTtlsStart() {
        java.cache().set("java-short", "j", Duration.ofMillis(SHORT_CACHE_MILLIS));
        node.cacheSet("node-short", Json.createValue("n"), SHORT_CACHE_MILLIS);
        assertThat(node.cacheGet("java-short")).isEqualTo(Json.createValue("j"));
        assertThat(java.cache().get("node-short", String.class)).contains("n");
    }

    void cacheTtlsHaveRunOut() {
        assertThat(node.cacheGet("java-short")).as("Java's entry expired for Node").isEqualTo(JsonValue.NULL);
        assertThat(java.cache().get("node-short", String.class)).as("Node's entry expired for Java").isEmpty();
        assertThat(java.cache().has("node-short")).isFalse();
    }

    /** Failures counted by both sides add up; the state either side sets is the one the other reads. */
    void breakerStateAndCountsAreShared() {
        assertThat(node.recordFailure("payments", 3)).isEqualTo(1);
        assertThat(node.recordFailure("payments", 3)).isEqualTo(2);
        assertThat(java.circuitBreakers().recordFailure("payments", 3)).as("Node's two plus Java's one").isEqualTo(3);
        CircuitBreakerState open = java.circuitBreakers().getState("payments").orElseThrow();
        assertThat(open.state()).isEqualTo(CircuitState.OPEN);
        JsonObject seenByNode = node.getState("payments");
        assertThat(seenByNode.getString("state")).isEqualTo("open");
        assertThat(seenByNode.getInt("failureCount")).isEqualTo(3);
        assertThat(seenByNode.getJsonNumber("lastFailureTime").longValue())
                .isBetween(Instant.now().minusSeconds(30).toEpochMilli(), Instant.now().plusSeconds(1).toEpochMilli());

        java.circuitBreakers().recordSuccess("payments");
        JsonObject closed = node.getState("payments");
        assertThat(closed.getString("state")).isEqualTo("closed");
        assertThat(closed.getInt("failureCount")).isZero();
        assertThat(node.recordFailure("payments", 3)).isEqualTo(1);
        assertThat(java.circuitBreakers().getState("payments").orElseThrow().failureCount()).isEqualTo(1);

        java.circuitBreakers().setState("search", new CircuitBreakerState(CircuitState.HALF_OPEN, 2, Instant.now(),
                null));
        assertThat(node.getState("search").getString("state")).as("Node's spelling").isEqualTo("half-open");
        node.setState("search", Json.createObjectBuilder().add("state", "open").add("failureCount", 5).build());
        Optional<CircuitBreakerState> fromNode = java.circuitBreakers().getState("search");
        assertThat(fromNode.orElseThrow().state()).isEqualTo(CircuitState.OPEN);
        assertThat(fromNode.orElseThrow().failureCount()).isEqualTo(5);
    }
}
