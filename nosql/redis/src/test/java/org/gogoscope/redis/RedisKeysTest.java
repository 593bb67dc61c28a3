package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The seed's layout: the prefix first, then the type segment, then the key. */
class RedisKeysTest {

    @Test
    void followsTheSeedLayout() {
        RedisKeys keys = new RedisKeys("app:");
        assertThat(keys.lock("app:order-1")).isEqualTo("app:lock:order-1");
        assertThat(keys.circuit("app:svc")).isEqualTo("app:circuit:svc");
        assertThat(keys.cache("app:user:1")).isEqualTo("app:cache:user:1");
        assertThat(keys.checkpoint("import", 3)).isEqualTo("app:{checkpoint}:import:3");
        assertThat(keys.fromCache("app:cache:user:1")).isEqualTo("app:user:1");
    }

    @Test
    void aBreakersRecordIsASiblingOfItsCircuitHashInTheSameSlot() {
        RedisKeys keys = new RedisKeys("app:");
        assertThat(keys.circuitRecord("app:svc")).isEqualTo("app:circuit-record:{app:circuit:svc}svc");
        for (String key : List.of("svc", "a}b", "{x}y", "}{", "{}z", "user{42}", "\u00e9{\u00fc}")) {
            String full = "app:" + key;
            assertThat(keys.circuitRecord(full)).as(key).isNotEqualTo(keys.circuit(full));
            assertThat(JedisClusterCRC16.getSlot(keys.circuitRecord(full))).as(key)
                    .isEqualTo(JedisClusterCRC16.getSlot(keys.circuit(full)));
        }
        RedisKeys tagged = new RedisKeys("t{7}:");
        assertThat(JedisClusterCRC16.getSlot(tagged.circuitRecord("t{7}:svc"))).isEqualTo(JedisClusterCRC16.getSlot("7"));
    }

    @Test
    void nestedPrefixesDoNotShareEntries() {
        assertThat(new RedisKeys("a:").cache("a:xb")).isNotEqualTo(new RedisKeys("a:x").cache("a:xb"));
        assertThat(new RedisKeys("a:").cachePattern("*").matches(new RedisKeys("a:x").cache("a:xb"))).isFalse();
    }

    @Test
    void anUnclosedHashTagInThePrefixIsRejected() {
        assertThatThrownBy(() -> new RedisKeys("tenant{7:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyPrefix");
        assertThat(new RedisKeys("tenant{7}:").lock("tenant{7}:k")).isEqualTo("tenant{7}:lock:k");
    }

    /**
     * The three cache index keys share one slot for every prefix: through a tag made of the prefix, the prefix's
     * own tag (which keeps all its keys in its slot), or, when the prefix's first braces are empty and Redis hashes
     * every key under it whole, through suffixes searched for the names key's slot. None is an entry's name.
     */
    @Test
    void theCacheIndexKeysShareOneSlotWhateverThePrefix() {
        for (String prefix : List.of("", "app:", "a}b:", "{}", "a{}b:", "a{}b{7}:", "t{7}:", "\u00e9{\u00fc}:",
                "%_*?[]\\'\";", "\ud83d\ude00:", "}{x}:")) {
            RedisKeys keys = new RedisKeys(prefix);
            int slot = JedisClusterCRC16.getSlot(keys.cacheNames());
            assertThat(JedisClusterCRC16.getSlot(keys.cacheExpiry())).as(prefix).isEqualTo(slot);
            assertThat(JedisClusterCRC16.getSlot(keys.cacheIndexed())).as(prefix).isEqualTo(slot);
            assertThat(List.of(keys.cacheNames(), keys.cacheExpiry(), keys.cacheIndexed())).doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(key).startsWith(prefix).doesNotStartWith(prefix + "cache:"));
        }
        assertThat(new RedisKeys("app:").cacheNames()).isEqualTo("app:cache-names:{app:}");
        assertThat(new RedisKeys("app:").cacheExpiry()).isEqualTo("app:cache-expiry:{app:}");
        assertThat(JedisClusterCRC16.getSlot(new RedisKeys("t{7}:").cacheNames())).isEqualTo(JedisClusterCRC16.getSlot("7"));
    }

    @Test
    void aFenceCounterLeadsBackToItsLock() {
        for (String prefix : List.of("p:", "", "t{7}:", "a{}b:", "x}y:")) {
            RedisKeys keys = new RedisKeys(prefix);
            for (String key : List.of("orders", "a}b", "{x}y", "}{", "{}z", "user{42}", "\u00e9{\u00fc}", "\ud83d\ude00")) {
                String full = prefix + key;
                assertThat(keys.lockOfFence(keys.fence(full))).as(prefix + key).isEqualTo(keys.lock(full));
            }
        }
        RedisKeys keys = new RedisKeys("p:");
        assertThat(keys.lockOfFence("p:fence:orders")).isNull();
        assertThat(keys.lockOfFence("p:lock:orders")).isNull();
        assertThat(keys.lockOfFence(new RedisKeys("p:x").fence("p:xk"))).isNull();
    }

    /** A breaker record, a claim and a task index lead back to their full keys, and to nothing of another kind. */
    @Test
    void aListedKeyLeadsBackToItsFullKey() {
        for (String prefix : List.of("p:", "", "t{7}:", "a{}b:", "x}y:", "%_*?[]\\'\";")) {
            RedisKeys keys = new RedisKeys(prefix);
            for (String key : List.of("orders", "a}b", "{x}y", "}{", "{}z", "user{42}", "*?[x]\\",
                    "\u00e9{\u00fc}")) {
                String full = prefix + key;
                assertThat(keys.circuitOfRecord(keys.circuitRecord(full))).as(full).isEqualTo(full);
                assertThat(keys.circuitRecordPattern("*").matches(keys.circuitRecord(full))).as(full).isTrue();
                assertThat(keys.idempotencyPattern(key).matches(keys.idempotency(full))).as(full).isTrue();
                assertThat(keys.fromIdempotency(keys.idempotency(full))).isEqualTo(full);
                assertThat(keys.checkpointIndexPattern(key).matches(keys.checkpointIndex(key))).as(full).isTrue();
                assertThat(keys.taskOfIndex(keys.checkpointIndex(key))).isEqualTo(full);
            }
        }
        RedisKeys keys = new RedisKeys("p:");
        assertThat(keys.circuitOfRecord("p:circuit-record:{p:circuit:other}svc")).isNull();
        assertThat(keys.circuitOfRecord("p:circuit:svc")).isNull();
        assertThat(keys.circuitOfRecord(new RedisKeys("p:x").circuitRecord("p:xk"))).isNull();
        assertThat(keys.idempotencyPattern("*").matches(new RedisKeys("p:x").idempotency("p:xk"))).isFalse();
        assertThat(keys.checkpointIndexPattern("*").matches(keys.checkpoint("t", 1))).isFalse();
        assertThat(keys.checkpointIndexPattern("*").matches(keys.checkpointId("t"))).isFalse();
    }
}
