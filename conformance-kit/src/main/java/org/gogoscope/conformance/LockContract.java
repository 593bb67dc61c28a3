package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/** The {@link LockProvider} contract. */
public abstract class LockContract extends ContractSupport {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    public void acquireOfAFreeKeyGrantsItWithAPositiveFencingToken() {
        LockProvider locks = node().locks();
        LockHandle handle = locks.acquire("orders", LONG, "alice").orElseThrow();
        assertThat(handle.key()).isEqualTo("orders");
        assertThat(handle.owner()).isEqualTo("alice");
        assertThat(handle.fencingToken()).isPositive();
        assertThat(handle.isValid()).isTrue();
    }

    @Test
    public void acquireWithoutOwnerGeneratesDistinctOwners() {
        LockProvider locks = node().locks();
        LockHandle first = locks.acquire("a", LONG).orElseThrow();
        LockHandle second = locks.acquire("b", LONG).orElseThrow();
        assertThat(first.owner()).isNotBlank().isNotEqualTo(second.owner());
        assertThat(locks.acquire("a", LONG)).isEmpty();
    }

    @Test
    public void anotherOwnerGetsEmptyWhileTheLockIsHeld() {
        PersistenceAdapter nodeA = node();
        PersistenceAdapter nodeB = node();
        nodeA.locks().acquire("k", LONG, "alice").orElseThrow();
        assertThat(nodeB.locks().acquire("k", LONG, "bob")).isEmpty();
        assertThat(nodeA.locks().acquire("k", LONG, "bob")).isEmpty();
    }

    @Test
    public void theSameOwnerReacquiresAndRefreshesTheTtlWithANewToken() {
        LockProvider locks = node().locks();
        LockHandle first = locks.acquire("k", Duration.ofMillis(400), "alice").orElseThrow();
        sleep(250);
        LockHandle second = locks.acquire("k", Duration.ofMillis(2000), "alice").orElseThrow();
        assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
        sleep(300); // past the first TTL, inside the second
        assertThat(locks.acquire("k", LONG, "bob")).isEmpty();
    }

    @Test
    public void releaseFreesTheKeyOnlyForItsOwner() {
        PersistenceAdapter node = node();
        LockProvider locks = node.locks();
        LockHandle handle = locks.acquire("k", LONG, "alice").orElseThrow();
        assertThat(locks.release("k", "bob")).isFalse();
        assertThat(locks.acquire("k", LONG, "bob")).isEmpty();
        assertThat(handle.release()).isTrue();
        assertThat(handle.release()).isFalse();
        assertThat(handle.isValid()).isFalse();
        assertThat(locks.acquire("k", LONG, "bob")).isPresent();
        assertThat(locks.release("absent", "alice")).isFalse();
    }

    @Test
    public void aStaleHandleNeverReleasesTheNextHoldersLock() {
        LockProvider locks = node().locks();
        LockHandle stale = locks.acquire("k", Duration.ofMillis(100), "alice").orElseThrow();
        awaitTrue(3000, "expired lock taken by bob", () -> locks.acquire("k", LONG, "bob").isPresent());
        assertThat(stale.release()).isFalse();
        assertThat(locks.acquire("k", LONG, "carol")).isEmpty();
    }

    @Test
    public void closingAHandleReleasesOnce() {
        LockProvider locks = node().locks();
        try (LockHandle handle = locks.acquire("k", LONG, "alice").orElseThrow()) {
            assertThat(handle.isValid()).isTrue();
        }
        LockHandle next = locks.acquire("k", LONG, "bob").orElseThrow();
        assertThat(next.isValid()).isTrue();
    }

    @Test
    public void extendKeepsTheOwnersLiveLockAndItsToken() {
        PersistenceAdapter node = node();
        LockProvider locks = node.locks();
        LockHandle handle = locks.acquire("k", Duration.ofMillis(300), "alice").orElseThrow();
        assertThat(handle.extend(Duration.ofSeconds(5))).isTrue();
        sleep(450);
        assertThat(locks.acquire("k", LONG, "bob")).isEmpty();
        assertThat(handle.isValid()).isTrue();
        assertThat(locks.extend("k", LONG, "bob")).isFalse();
        LockHandle again = locks.acquire("k", LONG, "alice").orElseThrow();
        assertThat(again.fencingToken()).isGreaterThan(handle.fencingToken());
    }

    /** {@code @Locked(minHold)} relies on it: a job that ends early sets its 30 s lock to what remains. */
    @Test
    public void extendToAShorterTtlShortensIt() {
        PersistenceAdapter nodeA = node();
        PersistenceAdapter nodeB = node();
        LockHandle handle = nodeA.locks().acquire("k", LONG, "alice").orElseThrow();
        long start = System.nanoTime();
        assertThat(handle.extend(Duration.ofMillis(300))).isTrue();
        assertThat(nodeB.locks().inspect("k")).map(LockInfo::remaining).as("the TTL is set, not only lengthened")
                .hasValueSatisfying(left -> assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300)));
        boolean refusedEarly = nodeB.locks().acquire("k", LONG, "bob").isEmpty();
        if ((System.nanoTime() - start) / 1_000_000 < 200) {
            assertThat(refusedEarly).as("still held inside the shorter TTL").isTrue();
        }
        awaitTrue(2000, "free after the shorter TTL, long before the first",
                () -> nodeB.locks().acquire("k", LONG, "bob").isPresent());
        assertThat(handle.isValid()).as("the handle's own view follows the shorter TTL").isFalse();
    }

    @Test
    public void extendNeverRevivesAnExpiredLock() {
        PersistenceAdapter node = node();
        LockProvider locks = node.locks();
        LockHandle handle = locks.acquire("k", Duration.ofMillis(100), "alice").orElseThrow();
        sleep(350);
        assertThat(locks.extend("k", LONG, "alice")).isFalse();
        assertThat(handle.extend(LONG)).isFalse();
        assertThat(handle.isValid()).isFalse();
        assertThat(node().locks().acquire("k", LONG, "bob")).isPresent();
        assertThat(locks.extend("never-locked", LONG, "alice")).isFalse();
    }

    @Test
    public void ttlsHaveMillisecondPrecision() {
        PersistenceAdapter nodeA = node();
        PersistenceAdapter nodeB = node();
        long start = System.nanoTime();
        nodeA.locks().acquire("k", Duration.ofMillis(150), "alice").orElseThrow();
        boolean refusedEarly = nodeB.locks().acquire("k", LONG, "bob").isEmpty();
        long checkedAfter = (System.nanoTime() - start) / 1_000_000;
        if (checkedAfter < 100) {
            assertThat(refusedEarly).as("lock held %d ms into a 150 ms TTL", checkedAfter).isTrue();
        }
        awaitTrue(900, "a 150 ms lock is free well before a second",
                () -> nodeB.locks().acquire("k", LONG, "bob").isPresent());
    }

    @Test
    public void handleValidityEndsWithItsTtl() {
        LockHandle handle = node().locks().acquire("k", Duration.ofMillis(100), "alice").orElseThrow();
        awaitTrue(1000, "handle invalid after its TTL", () -> !handle.isValid());
    }

    @Test
    public void forceReleaseRemovesAnyOwnersLockAndTokensKeepGrowing() {
        PersistenceAdapter nodeA = node();
        PersistenceAdapter nodeB = node();
        LockHandle alice = nodeA.locks().acquire("k", LONG, "alice").orElseThrow();
        assertThat(nodeB.locks().forceRelease("k")).isTrue();
        assertThat(nodeB.locks().forceRelease("k")).isFalse();
        LockHandle bob = nodeB.locks().acquire("k", LONG, "bob").orElseThrow();
        assertThat(bob.fencingToken()).isGreaterThan(alice.fencingToken());
        assertThat(alice.release()).isFalse();
        assertThat(nodeA.locks().acquire("k", LONG, "carol")).isEmpty();
    }

    @Test
    public void fencingTokensStrictlyIncreaseAcrossOwnersAndNodes() {
        List<PersistenceAdapter> nodes = List.of(node(), node(), node());
        long last = 0;
        for (int i = 0; i < 30; i++) {
            PersistenceAdapter node = nodes.get(i % nodes.size());
            LockHandle handle = node.locks().acquire("fenced", LONG, "owner-" + (i % 4)).orElseThrow();
            assertThat(handle.fencingToken()).isGreaterThan(last);
            last = handle.fencingToken();
            if (i % 3 == 0) {
                assertThat(handle.release()).isTrue();
            } else {
                assertThat(node.locks().forceRelease("fenced")).isTrue();
            }
        }
    }

    /**
     * Fencing tokens must never go back for a key, also after the backend deleted what it keeps of free locks to
     * stay bounded, and after the nodes restarted: tokens cannot live only in a row or a counter that goes away.
     */
    @Test
    public void tokensKeepGrowingAfterTheBackendForgetsFreeLocksAndAcrossRestarts() {
        PersistenceAdapter before = node();
        LockHandle expired = before.locks().acquire("expired", Duration.ofMillis(50), "alice").orElseThrow();
        LockHandle released = before.locks().acquire("released", LONG, "alice").orElseThrow();
        LockHandle forced = before.locks().acquire("forced", LONG, "alice").orElseThrow();
        assertThat(released.release()).isTrue();
        assertThat(before.locks().forceRelease("forced")).isTrue();
        sleep(200); // past the TTL of "expired", and past the little time any backend may keep a free lock
        fixture().forgetFreeLocks(before);
        before.disconnect();
        PersistenceAdapter after = node();
        assertThat(after.locks().acquire("expired", LONG, "bob").orElseThrow().fencingToken())
                .isGreaterThan(expired.fencingToken());
        assertThat(after.locks().acquire("released", LONG, "bob").orElseThrow().fencingToken())
                .isGreaterThan(released.fencingToken());
        assertThat(after.locks().acquire("forced", LONG, "bob").orElseThrow().fencingToken())
                .isGreaterThan(forced.fencingToken());
    }

    @Test
    public void inspectShowsTheHolderItsTokenAndTheTimeLeftOfALiveLockOnly() {
        PersistenceAdapter nodeA = node();
        PersistenceAdapter nodeB = node();
        LockHandle alice = nodeA.locks().acquire("job:nightly", LONG, "alice").orElseThrow();
        LockInfo seen = nodeB.locks().inspect("job:nightly").orElseThrow();
        assertThat(seen.key()).isEqualTo("job:nightly");
        assertThat(seen.owner()).isEqualTo("alice");
        assertThat(seen.fencingToken()).isEqualTo(alice.fencingToken());
        assertThat(seen.remaining()).isPositive().isLessThanOrEqualTo(LONG);
        assertThat(node("o" + prefix).locks().inspect("job:nightly")).as("another prefix").isEmpty();
        assertThat(alice.release()).isTrue();
        assertThat(nodeB.locks().inspect("job:nightly")).as("released").isEmpty();
        assertThat(nodeB.locks().inspect("never")).isEmpty();
        LockHandle brief = nodeA.locks().acquire("brief", Duration.ofMillis(80), "bob").orElseThrow();
        assertThat(nodeB.locks().inspect("brief")).map(LockInfo::owner).contains("bob");
        awaitTrue(1000, "expired lock not shown", () -> nodeB.locks().inspect("brief").isEmpty());
        awaitTrue(50, "its handle invalid too (within the backend clock's tick)", () -> !brief.isValid());
        LockHandle forced = nodeA.locks().acquire("forced", LONG, "carol").orElseThrow();
        assertThat(nodeB.locks().forceRelease("forced")).isTrue();
        assertThat(nodeB.locks().inspect("forced")).isEmpty();
        assertThat(forced.fencingToken()).isPositive();
    }

    @Test
    public void listShowsTheLiveLocksMatchingAGlobPageByPage() {
        PersistenceAdapter nodeA = node();
        PersistenceAdapter nodeB = node();
        java.util.Map<String, Long> held = new java.util.TreeMap<>();
        for (String key : List.of("job:a", "job:b", "job:c", "job:d", "job:e", "report:a", "job%_*?[x]")) {
            held.put(key, nodeA.locks().acquire(key, LONG, "owner-" + key).orElseThrow().fencingToken());
        }
        assertThat(nodeA.locks().release("job:b", "owner-job:b")).isTrue();
        held.remove("job:b");
        nodeA.locks().acquire("job:expired", Duration.ofMillis(50), "gone").orElseThrow();
        node("o" + prefix).locks().acquire("job:z", LONG, "elsewhere").orElseThrow();
        sleep(120);
        java.util.Map<String, LockInfo> listed = new java.util.TreeMap<>();
        String cursor = null;
        int pages = 0;
        do {
            org.gogoscope.api.LockPage page = nodeB.locks().list("job:*", cursor, 2);
            assertThat(page.locks().size()).isLessThanOrEqualTo(2);
            for (LockInfo lock : page.locks()) {
                listed.put(lock.key(), lock);
            }
            cursor = page.next().orElse(null);
            assertThat(++pages).as("pages").isLessThan(10_000);
        } while (cursor != null);
        assertThat(listed.keySet()).containsExactly("job:a", "job:c", "job:d", "job:e");
        for (LockInfo lock : listed.values()) {
            assertThat(lock.owner()).isEqualTo("owner-" + lock.key());
            assertThat(lock.fencingToken()).isEqualTo(held.get(lock.key()));
            assertThat(lock.remaining()).isPositive().isLessThanOrEqualTo(LONG);
        }
        assertThat(allPages(nodeB.locks(), "job:?")).containsExactly("job:a", "job:c", "job:d", "job:e");
        assertThat(allPages(nodeB.locks(), "*a")).containsExactly("job:a", "report:a");
        assertThat(allPages(nodeB.locks(), "job%_*")).containsExactly("job%_*?[x]");
        assertThat(allPages(node("o" + prefix).locks(), "*")).containsExactly("job:z");
        assertThatThrownBy(() -> nodeB.locks().list("*", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> nodeB.locks().list(null, null, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    private static List<String> allPages(LockProvider locks, String pattern) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        String cursor = null;
        do {
            org.gogoscope.api.LockPage page = locks.list(pattern, cursor, 1000);
            page.locks().forEach(lock -> keys.add(lock.key()));
            cursor = page.next().orElse(null);
        } while (cursor != null);
        return List.copyOf(keys);
    }

    /**
     * Every backend states its longest TTL; the longest is stored, a longer one is refused naming the argument and
     * the limit, before any round trip (a disconnected adapter refuses it the same way), never a driver error.
     */
    @Test
    public void theBackendsLongestTtlIsStoredAndALongerOneIsRefusedBeforeAnyRoundTrip() {
        PersistenceAdapter node = node();
        Duration longest = node.maxTtl();
        assertThat(longest).isGreaterThanOrEqualTo(Duration.ofDays(365));
        LockHandle handle = node.locks().acquire("long", longest, "alice").orElseThrow();
        assertThat(node.locks().extend("long", longest, "alice")).isTrue();
        assertThat(node.locks().inspect("long")).map(LockInfo::owner).contains("alice");
        assertThat(handle.release()).isTrue();
        Duration tooLong = longest.plusMillis(1);
        for (PersistenceAdapter adapter : List.of(node, disconnected())) {
            assertThatThrownBy(() -> adapter.locks().acquire("long", tooLong, "bob"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl")
                    .hasMessageContaining(longest.toDays() + " days");
            assertThatThrownBy(() -> adapter.locks().extend("long", tooLong, "bob"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
            assertThatThrownBy(() -> adapter.cache().set("long", 1, tooLong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
            assertThatThrownBy(() -> adapter.idempotency().set("long", 1, tooLong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
            assertThatThrownBy(() -> adapter.idempotency().claim("long", "fp", tooLong, Integer.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        }
        node.cache().set("long", 7, longest);
        assertThat(node.cache().get("long", Integer.class)).contains(7);
    }

    /** An adapter of this backend that was connected and disconnected again. */
    private PersistenceAdapter disconnected() {
        PersistenceAdapter adapter = node();
        adapter.disconnect();
        return adapter;
    }

    @Test
    public void exactlyOneOfManyConcurrentAcquirersWinsAFreeKey() throws Exception {
        List<PersistenceAdapter> nodes = List.of(node(), node(), node());
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            List<Optional<LockHandle>> results = concurrently(12,
                    i -> nodes.get(i % nodes.size()).locks().acquire(key, LONG, "owner-" + i));
            assertThat(results.stream().filter(Optional::isPresent).count()).as("winners of round %d", round)
                    .isEqualTo(1);
        }
    }

    @Test
    public void mutualExclusionHoldsUnderContentionFromSeveralNodes() throws Exception {
        List<PersistenceAdapter> nodes = List.of(node(), node(), node());
        int threads = 6;
        int grantsPerThread = 15;
        long[] counter = {0}; // deliberately unsynchronised: only the lock protects it
        AtomicLong lastToken = new AtomicLong();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        concurrently(threads, i -> {
            LockProvider locks = nodes.get(i % nodes.size()).locks();
            for (int n = 0; n < grantsPerThread; n++) {
                Optional<LockHandle> handle;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while ((handle = locks.acquire("counter", Duration.ofSeconds(10), "t" + i)).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no grant within 30 s");
                    }
                    Thread.onSpinWait();
                }
                long token = handle.get().fencingToken();
                long previous = lastToken.getAndSet(token);
                if (token <= previous) {
                    violations.add("token " + token + " after " + previous);
                }
                long read = counter[0];
                Thread.yield();
                counter[0] = read + 1;
                if (!handle.get().release()) {
                    violations.add("release of a held lock returned false");
                }
            }
            return null;
        });
        assertThat(violations).isEmpty();
        assertThat(counter[0]).isEqualTo((long) threads * grantsPerThread);
    }

    @Test
    public void aPrefixIsolatesLocks() {
        PersistenceAdapter mine = node();
        PersistenceAdapter theirs = node(otherPrefix());
        mine.locks().acquire("k", LONG, "alice").orElseThrow();
        assertThat(theirs.locks().acquire("k", LONG, "bob")).isPresent();
        assertThat(theirs.locks().forceRelease("k")).isTrue();
        assertThat(mine.locks().acquire("k", LONG, "carol")).isEmpty();
    }

    @Test
    public void badInputIsRejectedNamingTheArgument() {
        PersistenceAdapter node = node();
        LockProvider locks = node.locks();
        assertThatThrownBy(() -> locks.acquire(null, LONG, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> locks.acquire(" ", LONG, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> locks.acquire("k", Duration.ZERO, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> locks.acquire("k", Duration.ofMillis(-5), "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> locks.acquire("k", null, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> locks.acquire("k", LONG, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> locks.extend("k", LONG, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> locks.forceRelease("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        int room = node.maxKeyLength() - prefix.length();
        String longest = "k".repeat(room);
        assertThat(locks.acquire(longest, LONG, "a")).isPresent();
        assertThat(locks.acquire(longest, LONG, "b")).isEmpty();
        assertThatThrownBy(() -> locks.acquire(longest + "k", LONG, "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThat(locks.acquire("k", LONG, "a")).as("nothing was locked by the rejected calls").isPresent();
    }

    @Test
    public void aDisconnectedAdapterRefusesCalls() {
        PersistenceAdapter node = node();
        node.disconnect();
        assertThat(node.isConnected()).isFalse();
        node.disconnect(); // idempotent
        assertThatThrownBy(() -> node.locks().acquire("k", LONG)).isInstanceOf(IllegalStateException.class);
        node.connect();
        assertThat(node.locks().acquire("k", LONG)).isPresent();
    }
}
