package org.gogoscope.reliability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.redis.RedisAdapter;
import org.gogoscope.redis.RedisClientConfig;
import redis.clients.jedis.Jedis;

/**
 * redis-server of the test's own on a durable configuration: {@code appendonly yes}, {@code appendfsync
 * always}, so a write the server acknowledged is on disk. {@link #crash()} is SIGKILL; the AOF is replayed on
 * the next start (same port, same directory).
 */
final class ThrowawayRedis extends ThrowawayServer {

    private Process server;

    ThrowawayRedis() throws Exception {
        super(null);
    }

    @Override
    String backend() {
        return "redis";
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    void start() throws Exception {
        server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--daemonize", "no").redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        await("redis-server on " + port, () -> {
            if (!server.isAlive()) {
                throw new IllegalStateException("redis-server on " + port + " exited; see " + dir + "/redis.log");
            }
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                return "PONG".equals(jedis.ping());
            } catch (RuntimeException e) {
                return false; // also LOADING while the AOF is replayed
            }
        });
    }

    @Override
    void crash() throws Exception {
        Process running = server;
        server = null;
        if (running != null) {
            running.destroyForcibly(); // SIGKILL
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on " + port + " survived SIGKILL");
            }
            await("port " + port + " released", () -> isFree(port));
        }
    }

    @Override
    PersistenceAdapter adapter(String prefix, Duration timeout, int poolSize) {
        return new RedisAdapter(RedisClientConfig.standalone(uri()).withTimeouts(timeout, timeout)
                .withPoolSize(poolSize), prefix);
    }

    @Override
    int clientConnections() {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return (int) jedis.clientList().lines().filter(line -> !line.isBlank()).count() - 1;
        }
    }

    @Override
    void stop() {
        try {
            crash();
        } catch (Exception e) {
            System.err.println("could not stop throwaway Redis on " + port + ": " + e);
        }
    }
}
