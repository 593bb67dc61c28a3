package org.gogoscope.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the Redis backend, read once from {@code org/gogoscope/redis/lua/*.lua} on the class
 * path, with their SHA-1 digests for {@code EVALSHA}.
 */
enum RedisScript {
    LOCK_ACQUIRE("lock_acquire"),
    LOCK_EXTEND("lock_extend"),
    LOCK_RELEASE("lock_release"),
    LOCK_INSPECT("lock_inspect"),
    CIRCUIT_PUT("circuit_put"),
    CIRCUIT_RECORD_FAILURE("circuit_record_failure"),
    CIRCUIT_RECORD_SUCCESS("circuit_record_success"),
    CIRCUIT_HALF_OPEN("circuit_half_open"),
    CIRCUIT_RECORD_READ("circuit_record_read"),
    CIRCUIT_RECORD_CAS("circuit_record_cas"),
    CACHE_PUT("cache_put"),
    CACHE_DELETE("cache_delete"),
    CACHE_LIVE("cache_live"),
    CACHE_INDEX_ADD("cache_index_add"),
    CACHE_INDEX_REMOVE("cache_index_remove"),
    IDEMPOTENCY_CLAIM("idempotency_claim"),
    IDEMPOTENCY_COMPLETE("idempotency_complete"),
    IDEMPOTENCY_RELEASE("idempotency_release"),
    IDEMPOTENCY_PUT("idempotency_put"),
    IDEMPOTENCY_DELETE("idempotency_delete"),
    IDEMPOTENCY_INSPECT("idempotency_inspect"),
    CHECKPOINT_SAVE("checkpoint_save"),
    CHECKPOINT_DELETE("checkpoint_delete"),
    CHECKPOINT_TASK("checkpoint_task");

    private final String source;
    private final String sha1;

    RedisScript(String name) {
        this.source = read("lua/" + name + ".lua");
        this.sha1 = sha1(source);
    }

    String source() {
        return source;
    }

    String sha1() {
        return sha1;
    }

    private static String read(String resource) {
        try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource org/gogoscope/redis/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script org/gogoscope/redis/" + resource, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
