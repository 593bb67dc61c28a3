package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.InProgressClaim;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/** The {@link IdempotencyProvider} contract. */
public abstract class IdempotencyContract extends ContractSupport {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Item RESULT = new Item("receipt", 1, List.of("paid"), Map.of("eur", 9.99));

    @Test
    public void theFirstClaimRunsAndARepeatReplaysTheResult() {
        IdempotencyProvider records = node().idempotency();
        ClaimResult<Item> first = records.claim("pay-1", "fp", LEASE, Item.class);
        assertThat(first).isInstanceOf(ClaimResult.Claimed.class);
        String token = ((ClaimResult.Claimed<Item>) first).claimToken();
        assertThat(records.claim("pay-1", "fp", LEASE, Item.class)).isInstanceOf(ClaimResult.InProgress.class);
        assertThat(records.get("pay-1", Item.class)).isEmpty();
        assertThat(records.complete("pay-1", token, RESULT, TTL)).isTrue();
        assertThat(records.complete("pay-1", token, RESULT, TTL)).isFalse();
        ClaimResult<Item> repeat = node().idempotency().claim("pay-1", "fp", LEASE, Item.class);
        assertThat(repeat).isEqualTo(new ClaimResult.Completed<>(RESULT));
        assertThat(records.get("pay-1", Item.class)).contains(RESULT);
    }

    @Test
    public void inProgressReportsTheLeaseExpiry() {
        IdempotencyProvider records = node().idempotency();
        records.claim("k", null, LEASE, String.class);
        ClaimResult<String> second = records.claim("k", null, LEASE, String.class);
        assertThat(second).isInstanceOf(ClaimResult.InProgress.class);
        assertThat(((ClaimResult.InProgress<String>) second).leaseExpiresAt())
                .isAfter(java.time.Instant.now().plusSeconds(20));
    }

    @Test
    public void aDifferentFingerprintIsAMismatchAndChangesNothing() {
        IdempotencyProvider records = node().idempotency();
        String token = ((ClaimResult.Claimed<Item>) records.claim("k", "fp-a", LEASE, Item.class)).claimToken();
        assertThat(records.claim("k", "fp-b", LEASE, Item.class)).isEqualTo(new ClaimResult.Mismatch<>("fp-a"));
        assertThat(records.claim("k", null, LEASE, Item.class)).isEqualTo(new ClaimResult.Mismatch<>("fp-a"));
        assertThat(records.complete("k", token, RESULT, TTL)).isTrue();
        assertThat(records.claim("k", "fp-b", LEASE, Item.class)).isEqualTo(new ClaimResult.Mismatch<>("fp-a"));
        assertThat(records.claim("k", "fp-a", LEASE, Item.class)).isEqualTo(new ClaimResult.Completed<>(RESULT));
        records.claim("nofp", null, LEASE, Item.class);
        assertThat(records.claim("nofp", "fp", LEASE, Item.class)).isEqualTo(new ClaimResult.Mismatch<>(null));
    }

    @Test
    public void releaseOnFailureLetsTheNextCallRunAgain() {
        IdempotencyProvider records = node().idempotency();
        String token = ((ClaimResult.Claimed<Item>) records.claim("k", "fp", LEASE, Item.class)).claimToken();
        assertThat(records.release("k", "not-the-token")).isFalse();
        assertThat(records.release("k", token)).isTrue();
        assertThat(records.release("k", token)).isFalse();
        ClaimResult<Item> again = records.claim("k", "fp", LEASE, Item.class);
        assertThat(again).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(((ClaimResult.Claimed<Item>) again).claimToken()).isNotEqualTo(token);
        assertThat(records.complete("k", token, RESULT, TTL)).as("old token").isFalse();
    }

    @Test
    public void aCrashedClaimerBlocksOnlyUntilItsLeaseRunsOut() {
        IdempotencyProvider records = node().idempotency();
        String crashed = ((ClaimResult.Claimed<Item>) records.claim("k", "fp", Duration.ofMillis(150), Item.class))
                .claimToken();
        awaitTrue(1000, "lease ran out",
                () -> records.claim("k", "fp", LEASE, Item.class) instanceof ClaimResult.Claimed);
        assertThat(records.complete("k", crashed, RESULT, TTL)).isFalse();
        assertThat(records.release("k", crashed)).isFalse();
        assertThat(records.claim("k", "fp", LEASE, Item.class)).isInstanceOf(ClaimResult.InProgress.class);
    }

    @Test
    public void aCompletedRecordExpiresWithItsTtl() {
        IdempotencyProvider records = node().idempotency();
        String token = ((ClaimResult.Claimed<Item>) records.claim("k", "fp", LEASE, Item.class)).claimToken();
        assertThat(records.complete("k", token, RESULT, Duration.ofMillis(150))).isTrue();
        assertThat(records.get("k", Item.class)).contains(RESULT);
        awaitTrue(1000, "result expired", () -> records.get("k", Item.class).isEmpty());
        assertThat(records.claim("k", "other", LEASE, Item.class)).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    public void exactlyOneOfManyConcurrentClaimersRuns() throws Exception {
        List<PersistenceAdapter> nodes = List.of(node(), node(), node());
        for (int round = 0; round < 3; round++) {
            String key = "race-" + round;
            List<ClaimResult<String>> results = concurrently(12,
                    i -> nodes.get(i % 3).idempotency().claim(key, "fp", LEASE, String.class));
            assertThat(results).filteredOn(r -> r instanceof ClaimResult.Claimed).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof ClaimResult.InProgress).hasSize(11);
        }
    }

    @Test
    public void plainGetSetAndDelete() {
        IdempotencyProvider records = node().idempotency();
        records.set("k", RESULT, TTL);
        assertThat(records.get("k", Item.class)).contains(RESULT);
        assertThat(records.claim("k", null, LEASE, Item.class)).isEqualTo(new ClaimResult.Completed<>(RESULT));
        records.set("k", "replaced", TTL);
        assertThat(records.get("k", String.class)).contains("replaced");
        assertThat(records.delete("k")).isTrue();
        assertThat(records.delete("k")).isFalse();
        assertThat(records.get("k", String.class)).isEmpty();
        records.set("short", 1, Duration.ofMillis(100));
        awaitTrue(1000, "set with ttl expires", () -> records.get("short", Integer.class).isEmpty());
    }

    @Test
    public void anUnmappableResultIsRejectedAndTheClaimStays() {
        IdempotencyProvider records = node().idempotency();
        String token = ((ClaimResult.Claimed<Item>) records.claim("k", null, LEASE, Item.class)).claimToken();
        assertThatThrownBy(() -> records.complete("k", token, new Item.Unmappable(), TTL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result");
        assertThat(records.claim("k", null, LEASE, Item.class)).isInstanceOf(ClaimResult.InProgress.class);
        assertThat(records.complete("k", token, RESULT, TTL)).isTrue();
    }

    @Test
    public void aPrefixIsolatesRecords() {
        PersistenceAdapter mine = node();
        PersistenceAdapter theirs = node(otherPrefix());
        mine.idempotency().set("k", "mine", TTL);
        assertThat(theirs.idempotency().get("k", String.class)).isEmpty();
        assertThat(theirs.idempotency().claim("k", null, LEASE, String.class)).isInstanceOf(ClaimResult.Claimed.class);
        assertThat(theirs.idempotency().delete("k")).isTrue();
        assertThat(mine.idempotency().get("k", String.class)).contains("mine");
    }

    @Test
    public void badInputIsRejectedNamingTheArgument() {
        PersistenceAdapter node = node();
        IdempotencyProvider records = node.idempotency();
        assertThatThrownBy(() -> records.claim("", null, LEASE, String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> records.claim("k", null, Duration.ZERO, String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> records.claim("k", "", LEASE, String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> records.complete("k", " ", "r", TTL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claimToken");
        assertThatThrownBy(() -> records.set("k", null, TTL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result");
        assertThatThrownBy(() -> records.set("k", "r", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> records.get("k".repeat(node.maxKeyLength()), String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThat(records.claim("k", null, LEASE, String.class)).isInstanceOf(ClaimResult.Claimed.class);
    }

    @Test
    public void listInProgressShowsTheLiveClaimsOnlyPageByPage() {
        IdempotencyProvider a = node().idempotency();
        Map<String, String> tokens = new TreeMap<>();
        for (String key : List.of("pay:1", "pay:2", "pay:3", "pay%_*?[x]", "other:1")) {
            tokens.put(key, ((ClaimResult.Claimed<Item>) a.claim(key, "fp", LEASE, Item.class)).claimToken());
        }
        String token = ((ClaimResult.Claimed<Item>) a.claim("pay:done", null, LEASE, Item.class)).claimToken();
        assertThat(a.complete("pay:done", token, RESULT, TTL)).isTrue();
        a.set("pay:set", RESULT, TTL);
        String released = ((ClaimResult.Claimed<Item>) a.claim("pay:released", null, LEASE, Item.class)).claimToken();
        assertThat(a.release("pay:released", released)).isTrue();
        a.claim("pay:expired", null, Duration.ofMillis(50), Item.class);
        node("o" + prefix).idempotency().claim("pay:9", null, LEASE, Item.class);
        sleep(120);
        IdempotencyProvider b = node().idempotency();

        Map<String, InProgressClaim> listed = new TreeMap<>();
        for (InProgressClaim claim : allPages(2, (cursor, limit) -> b.listInProgress("pay:*", cursor, limit))) {
            assertThat(listed.put(claim.key(), claim)).as("listed twice: " + claim.key()).isNull();
        }
        assertThat(listed.keySet()).containsExactly("pay:1", "pay:2", "pay:3");
        for (InProgressClaim claim : listed.values()) {
            assertThat(claim.claimToken()).isEqualTo(tokens.get(claim.key()));
            assertThat(claim.leaseRemaining()).isPositive().isLessThanOrEqualTo(LEASE);
        }
        assertThat(b.release("pay:2", listed.get("pay:2").claimToken())).as("released by the listed token").isTrue();
        assertThat(keys(b, "pay:?")).containsExactly("pay:1", "pay:3");
        assertThat(keys(b, "*1")).containsExactly("other:1", "pay:1");
        assertThat(keys(b, "pay%_*")).containsExactly("pay%_*?[x]");
        assertThat(keys(node("o" + prefix).idempotency(), "*")).containsExactly("pay:9");
        assertThatThrownBy(() -> b.listInProgress("*", null, 1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> b.listInProgress(null, null, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    private static List<String> keys(IdempotencyProvider records, String pattern) {
        return allPages(1000, (cursor, limit) -> records.listInProgress(pattern, cursor, limit)).stream()
                .map(InProgressClaim::key).sorted().toList();
    }
}
