package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
