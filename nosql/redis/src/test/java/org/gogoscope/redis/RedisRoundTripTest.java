package org.gogoscope.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.LockHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Acquire, extend and release, a breaker record's read and compare-and-set, and a cache write and delete are one
 * round trip each, and a cache listing or clearing by a literal prefix takes two whatever else the server holds:
 * the adapter's connection counts the requests it flushes to the real server (127.0.0.1:6379). The first call of
 * each script may need NOSCRIPT + EVAL, so the scripts are loaded by a warm-up call first.
 */
class RedisRoundTripTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final String prefix = "rt" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private RedisAdapter adapter;

    private final String unrelated = "rt" + UUID.randomUUID().toString().substring(0, 8) + "-other:";

    @AfterEach
    void cleanUp() {
        if (adapter != null) {
            adapter.disconnect();
        }
        try (JedisPooled jedis = new JedisPooled(URI.create(RedisStandaloneConformanceTest.URI))) {
            RedisStandaloneConformanceTest.deleteUnder(jedis, prefix);
            RedisStandaloneConformanceTest.deleteUnder(jedis, unrelated);
        }
    }

    /** A one-connection client on the shared server whose connection counts the requests it sends. */
    private Supplier<redis.clients.jedis.UnifiedJedis> counting() {
        URI uri = URI.create(RedisStandaloneConformanceTest.URI);
        return () -> {
            GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
            pool.setMaxTotal(1);
            return new JedisPooled(pool, new CountingSockets(uri.getHost(), uri.getPort(), requests),
                    DefaultJedisClientConfig.builder().clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build());
        };
    }

    @Test
    void acquireExtendAndReleaseAreOneRoundTripEach() {
        URI uri = URI.create(RedisStandaloneConformanceTest.URI);
        adapter = new RedisAdapter(RedisClientConfig.standalone(uri.toString()), counting(), prefix);
        adapter.connect();
        LockHandle warmUp = adapter.locks().acquire("warm-up", Duration.ofSeconds(5)).orElseThrow();
        assertThat(warmUp.extend(Duration.ofSeconds(5))).isTrue();
        assertThat(warmUp.release()).isTrue();

        int before = requests.get();
        LockHandle handle = adapter.locks().acquire("k", Duration.ofSeconds(5), "alice").orElseThrow();
        assertThat(requests.get() - before).as("round trips of acquire").isEqualTo(1);

        before = requests.get();
        assertThat(handle.extend(Duration.ofSeconds(10))).isTrue();
        assertThat(requests.get() - before).as("round trips of extend").isEqualTo(1);

        before = requests.get();
        assertThat(adapter.locks().acquire("k", Duration.ofSeconds(5), "bob")).isEmpty();
        assertThat(requests.get() - before).as("round trips of a refused acquire").isEqualTo(1);

        before = requests.get();
        assertThat(handle.release()).isTrue();
        assertThat(requests.get() - before).as("round trips of release").isEqualTo(1);
    }

    @Test
    void aRecordReadAndACompareAndSetAreOneRoundTripEach() {
        adapter = new RedisAdapter(RedisClientConfig.standalone(RedisStandaloneConformanceTest.URI), counting(), prefix);
        adapter.connect();
        CircuitBreakerStateProvider circuits = adapter.circuitBreakers();
        assertThat(circuits.compareAndSetRecord("warm-up", 0, "w")).isTrue();
        assertThat(circuits.readRecord("warm-up").version()).isEqualTo(1);

        int before = requests.get();
        CircuitRecord absent = circuits.readRecord("svc");
        assertThat(requests.get() - before).as("round trips of readRecord").isEqualTo(1);
        assertThat(absent.exists()).isFalse();

        before = requests.get();
        assertThat(circuits.compareAndSetRecord("svc", 0, "{\"calls\":[]}")).isTrue();
        assertThat(requests.get() - before).as("round trips of a successful compareAndSetRecord").isEqualTo(1);

        before = requests.get();
        assertThat(circuits.compareAndSetRecord("svc", 0, "lost")).isFalse();
        assertThat(requests.get() - before).as("round trips of a failed compareAndSetRecord").isEqualTo(1);

        before = requests.get();
        CircuitRecord read = circuits.readRecord("svc");
        assertThat(requests.get() - before).as("round trips of readRecord").isEqualTo(1);
        assertThat(read).extracting(CircuitRecord::data, CircuitRecord::version).containsExactly("{\"calls\":[]}", 1L);

        try (JedisPooled raw = new JedisPooled(URI.create(RedisStandaloneConformanceTest.URI))) {
            String stored = new RedisKeys(prefix).circuitRecord(prefix + "svc");
            assertThat(raw.hgetAll(stored)).isEqualTo(Map.of("data", "{\"calls\":[]}", "version", "1"));
            assertThat(raw.ttl(stored)).as("records never expire").isEqualTo(-1);
        }
    }

    /**
     * With 20,000 keys of other prefixes and kinds on the server (40 SCAN pages), listing and clearing the 10
     * entries under a literal prefix are two round trips each (a page of the index, then one script checking
     * or deleting the entries), and so is a pattern without a literal head over the prefix's 100 entries.
     */
    @Test
    void listingByALiteralPrefixIsTwoRoundTripsWhateverElseTheServerHolds() {
        try (JedisPooled raw = new JedisPooled(URI.create(RedisStandaloneConformanceTest.URI))) {
            try (var pipeline = raw.pipelined()) {
                for (int i = 0; i < 20_000; i++) {
                    String kind = switch (i % 4) {
                        case 0 -> "cache:item:000012";
                        case 1 -> "lock:item:";
                        case 2 -> "cache:";
                        default -> "idempotency:";
                    };
                    pipeline.set(unrelated + kind + i, "x");
                }
            }
        }
        adapter = new RedisAdapter(RedisClientConfig.standalone(RedisStandaloneConformanceTest.URI), counting(), prefix);
        adapter.connect();
        for (int i = 0; i < 100; i++) {
            adapter.cache().set(String.format("item:%07d", 100 + i), i);
        }
        assertThat(adapter.cache().keys("warm-up*")).isEmpty(); // indexes older entries once, loads the script
        adapter.cache().set("warm-up", 0);
        assertThat(adapter.cache().delete("warm-up")).isTrue();

        int before = requests.get();
        assertThat(adapter.cache().keys("item:000012*")).hasSize(10);
        assertThat(requests.get() - before).as("round trips of a listing by a literal prefix").isEqualTo(2);

        before = requests.get();
        assertThat(adapter.cache().keys("*2*")).hasSize(19);
        assertThat(requests.get() - before).as("round trips of a listing without a literal head").isEqualTo(2);

        before = requests.get();
        adapter.cache().set("item:extra", 1, Duration.ofSeconds(30));
        assertThat(requests.get() - before).as("round trips of a cache write").isEqualTo(1);

        before = requests.get();
        assertThat(adapter.cache().delete("item:extra")).isTrue();
        assertThat(requests.get() - before).as("round trips of a cache delete").isEqualTo(1);

        before = requests.get();
        assertThat(adapter.cache().keys().size()).isEqualTo(100);
        assertThat(adapter.cache().clear()).isEqualTo(100);
        assertThat(requests.get() - before).as("round trips of listing and clearing all 100").isEqualTo(4);
    }

    /** Plain TCP sockets whose output stream counts flushes: one flush is one request sent. */
    static final class CountingSockets implements JedisSocketFactory {
        private final String host;
        private final int port;
        private final AtomicInteger flushes;

        CountingSockets(String host, int port, AtomicInteger flushes) {
            this.host = host;
            this.port = port;
            this.flushes = flushes;
        }

        @Override
        public Socket createSocket() {
            Socket socket = new Socket() {
                private OutputStream out;

                @Override
                public synchronized OutputStream getOutputStream() throws IOException {
                    if (out == null) {
                        out = new FilterOutputStream(super.getOutputStream()) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                this.out.write(b, off, len);
                            }

                            @Override
                            public void flush() throws IOException {
                                flushes.incrementAndGet();
                                super.flush();
                            }
                        };
                    }
                    return out;
                }
            };
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 2000);
                socket.setSoTimeout(2000);
                return socket;
            } catch (IOException e) {
                throw new JedisConnectionException(e);
            }
        }
    }
}
