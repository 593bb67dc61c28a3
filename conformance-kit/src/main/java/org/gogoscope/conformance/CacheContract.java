package org.gogoscope.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.Test;

/** The {@link CacheProvider} contract. */
public abstract class CacheContract extends ContractSupport {

    private static final Type LIST_OF_ITEMS = new ParameterizedTypeOf(List.class, Item.class);

    private static final Item APPLE = new Item("apple", 3, List.of("fruit", "red"), Map.of("eur", 1.25));

    @Test
    public void valuesComeBackTyped() {
        CacheProvider cache = node().cache();
        cache.set("text", "hello \"world\" ünïcødé");
        cache.set("number", 42L);
        cache.set("item", APPLE);
        cache.set("items", List.of(APPLE, new Item("pear", 1, List.of(), Map.of())));
        CacheProvider other = node().cache();
        assertThat(other.get("text", String.class)).contains("hello \"world\" ünïcødé");
        assertThat(other.get("number", Long.class)).contains(42L);
        assertThat(other.get("item", Item.class)).contains(APPLE);
        List<Item> items = other.<List<Item>>get("items", LIST_OF_ITEMS).orElseThrow();
        assertThat(items).hasSize(2).first().isEqualTo(APPLE);
        assertThat(other.get("missing", String.class)).isEmpty();
    }

    @Test
    public void aValueOfTheWrongTypeIsAClearError() {
        CacheProvider cache = node().cache();
        cache.set("item", APPLE);
        assertThatThrownBy(() -> cache.get("item", Integer.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item");
    }

    @Test
    public void setReplacesTheValueAndTheTtl() {
        CacheProvider cache = node().cache();
        cache.set("k", "first", Duration.ofMillis(150));
        cache.set("k", "second");
        sleep(300);
        assertThat(cache.get("k", String.class)).contains("second");
        cache.set("k", "third", Duration.ofMillis(100));
        awaitTrue(1000, "entry expired", () -> !cache.has("k"));
    }

    @Test
    public void entriesExpireWithMillisecondTtls() {
        CacheProvider cache = node().cache();
        cache.set("short", "v", Duration.ofMillis(150));
        cache.set("long", "v", Duration.ofMinutes(5));
        assertThat(cache.has("short")).isTrue();
        awaitTrue(900, "a 150 ms entry is gone well before a second", () -> cache.get("short", String.class).isEmpty());
        assertThat(cache.has("short")).isFalse();
        assertThat(cache.keys()).containsExactly("long");
        assertThat(cache.delete("short")).isFalse();
    }

    @Test
    public void deleteAndHas() {
        CacheProvider cache = node().cache();
        cache.set("k", "v");
        assertThat(cache.has("k")).isTrue();
        assertThat(cache.delete("k")).isTrue();
        assertThat(cache.delete("k")).isFalse();
        assertThat(cache.has("k")).isFalse();
    }

    @Test
    public void patternsFollowOneGlobGrammarWithEveryOtherCharacterLiteral() {
        CacheProvider cache = node().cache();
        List<String> keys = List.of("user:1", "user:2", "user:10", "admin:1", "a%b", "a_b", "axb", "a.b", "a[1]",
                "a\\b", "a*b", "a?b", "é:ü", "line\nbreak", "' OR 1=1 --");
        for (String key : keys) {
            cache.set(key, key);
        }
        assertThat(cache.keys()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(cache.keys("*")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(cache.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2", "user:10");
        assertThat(cache.keys("user:?")).containsExactlyInAnyOrder("user:1", "user:2");
        assertThat(cache.keys("*:1")).containsExactlyInAnyOrder("user:1", "admin:1");
        assertThat(cache.keys("a%b")).containsExactly("a%b");
        assertThat(cache.keys("a_b")).containsExactly("a_b");
        assertThat(cache.keys("a.b")).containsExactly("a.b");
        assertThat(cache.keys("a[1]")).containsExactly("a[1]");
        assertThat(cache.keys("a\\b")).containsExactly("a\\b");
        assertThat(cache.keys("a?b")).containsExactlyInAnyOrder("a%b", "a_b", "axb", "a.b", "a\\b", "a*b", "a?b");
        assertThat(cache.keys("é:*")).containsExactly("é:ü");
        assertThat(cache.keys("line?break")).containsExactly("line\nbreak");
        assertThat(cache.keys("' OR 1=1 --")).containsExactly("' OR 1=1 --");
        assertThat(cache.keys("USER:*")).as("matching is case-sensitive").isEmpty();
        assertThat(cache.keys("user")).isEmpty();
        assertThat(cache.keys("")).isEmpty();
    }

    @Test
    public void keysAreCaseSensitive() {
        CacheProvider cache = node().cache();
        cache.set("Key", "upper");
        cache.set("key", "lower");
        assertThat(cache.get("Key", String.class)).contains("upper");
        assertThat(cache.get("key", String.class)).contains("lower");
        assertThat(cache.keys()).containsExactlyInAnyOrder("Key", "key");
    }

    @Test
    public void clearAndKeysNeverCrossAPrefix() {
        PersistenceAdapter mine = node();
        PersistenceAdapter theirs = node(otherPrefix());
        mine.cache().set("a", 1);
        mine.cache().set("b", 2);
        theirs.cache().set("a", 3);
        assertThat(mine.cache().keys()).containsExactlyInAnyOrder("a", "b");
        assertThat(theirs.cache().keys()).containsExactly("a");
        assertThat(theirs.cache().keys("*")).containsExactly("a");
        assertThat(theirs.cache().clear()).isEqualTo(1);
        assertThat(mine.cache().get("a", Integer.class)).contains(1);
        assertThat(mine.cache().keys()).containsExactlyInAnyOrder("a", "b");
        assertThat(mine.cache().clear()).isEqualTo(2);
        assertThat(mine.cache().keys()).isEmpty();
        assertThat(theirs.cache().has("a")).isFalse();
    }

    @Test
    public void badInputIsRejectedAndWritesNothing() {
        PersistenceAdapter node = node();
        CacheProvider cache = node.cache();
        assertThatThrownBy(() -> cache.set(null, "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> cache.set("k", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> cache.set("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> cache.set("k", new Item.Unmappable())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> cache.keys(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
        assertThatThrownBy(() -> cache.get("k", (Class<?>) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> cache.set("k".repeat(node.maxKeyLength()), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThat(cache.keys()).isEmpty();
    }

    /** A {@code Raw<Arg>} type for generic reads. */
    record ParameterizedTypeOf(Type getRawType, Type arg) implements java.lang.reflect.ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {arg};
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
