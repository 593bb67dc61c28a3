package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.conformance.BackendFixture;
import org.gogoscope.conformance.ConformanceSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * The whole contract as an ACL user that has exactly the rule the module README documents (standalone and
 * Sentinel commands; key patterns {@code ~cf* ~ocf*}: the kit's prefixes start with {@code cf}, and {@code o}
 * before one is its "another prefix"), on a throwaway
 * server started with an {@code aclfile}. Then what the rule refuses: keys outside the pattern and commands
 * outside the list ({@code NOPERM}), surfaced by the adapter as a {@link BackendException}; and the commands the
 * user actually ran (the server's {@code INFO commandstats}, scripts' commands included) are all in the rule.
 */
class RedisAclConformanceTest extends ConformanceSuite {

    /** The README's rule for standalone and Sentinel, without {@code +wait} (only for redis.wait-replicas). */
    static final String COMMANDS = "+ping +evalsha +eval +time +get +set +exists +del +pttl +pexpire +persist +hget +hmget "
            + "+hgetall +hset +hdel +hincrby +zadd +zrem +zcard +zrange +zrevrange +zrangebylex +zrangebyscore +scan";
    private static final String USER = "gogo-app";
    private static final String PASSWORD = "acl-Pw-2024";

    private static RedisServers servers;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        servers = new RedisServers();
        Path acl = Files.createTempFile("gogoscope-redis-acl-", ".acl");
        Files.writeString(acl, "user default on nopass ~* &* +@all\n"
                + "user " + USER + " on >" + PASSWORD + " resetkeys ~cf* ~ocf* resetchannels -@all " + COMMANDS + "\n");
        port = servers.standalone("--aclfile", acl.toString());
        Files.delete(acl);
    }


    private static RedisAdapter adapter(String prefix) {
        return new RedisAdapter(RedisClientConfig.standalone("redis://127.0.0.1:" + port)
                .withCredentials(USER, PASSWORD).withPoolSize(8), prefix);
    }

    @Override
    protected BackendFixture fixture() {
        return new RedisFixture(RedisAclConformanceTest::adapter);
    }

    @Test
    void aKeyOutsideThePatternIsRefusedAsABackendException() {
        try (PersistenceAdapter adapter = adapter("other:")) {
            adapter.connect(); // PING needs no key
            assertThatThrownBy(() -> adapter.locks().acquire("job", Duration.ofSeconds(5), "me"))
                    .isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: redis lock.acquire failed: NOPERM")
                    .hasMessageNotContaining(PASSWORD);
            assertThatThrownBy(() -> adapter.cache().get("k", String.class)).isInstanceOf(BackendException.class)
                    .hasMessageStartingWith("GOGO-0301: redis cache.get failed: NOPERM");
        }
    }

    @Test
    void commandsOutsideTheRuleAreRefused() {
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .user(USER).password(PASSWORD).build())) {
            assertThatThrownBy(jedis::flushAll).isInstanceOf(JedisAccessControlException.class)
                    .hasMessageStartingWith("NOPERM");
            assertThatThrownBy(() -> jedis.keys("*")).isInstanceOf(JedisAccessControlException.class);
            assertThatThrownBy(() -> jedis.configGet("*")).isInstanceOf(JedisAccessControlException.class);
            assertThatThrownBy(() -> jedis.scriptFlush()).isInstanceOf(JedisAccessControlException.class);
            assertThatThrownBy(() -> jedis.waitReplicas(0, 10)).isInstanceOf(JedisAccessControlException.class);
        }
    }

    /**
     * Once every test of the class ran (the kit's nested classes included): each command the server executed
     * ({@code INFO commandstats} with {@code calls} above 0; refused ones count only as {@code rejected_calls}),
     * inside scripts too, is one the rule grants, apart from the tests' own administration.
     */
    @AfterAll
    static void checkCommandsAndStopServer() {
        try {
            everyCommandThatRanIsInTheRule();
        } finally {
            servers.close();
        }
    }

    private static void everyCommandThatRanIsInTheRule() {
        Set<String> used = new TreeSet<>();
        try (Jedis admin = new Jedis("127.0.0.1", port)) {
            for (String line : admin.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_") && !line.contains(":calls=0,")) {
                    used.add(line.substring("cmdstat_".length(), line.indexOf(':')));
                }
            }
        }
        used.removeAll(Set.of("info", "auth")); // the launcher's and this check's own
        Set<String> granted = new TreeSet<>();
        for (String command : COMMANDS.split(" ")) {
            granted.add(command.substring(1));
        }
        System.out.println("commands run on the ACL server: " + used);
        assertThat(granted).as("the rule").containsAll(used);
        assertThat(used).as("commands the kit ran").contains("evalsha", "time", "scan", "zrangebylex", "zcard");
    }
}
