package org.gogoscope.reliability;

import java.time.Duration;
import org.gogoscope.api.ClaimResult;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.PersistenceAdapter;

/**
 * Child process of {@link DeadHolderTest}: takes a lock and an idempotency claim with a TTL / lease, prints
 * {@code HELD <token> <nanoTime before> <nanoTime after>} and then just sits there until it is killed
 * (at most two minutes, so an orphan cannot linger).
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args[0];
        String prefix = args[1];
        String key = args[2];
        Duration ttl = Duration.ofMillis(Long.parseLong(args[3]));
        PersistenceAdapter adapter = ChildAdapters.open(spec, prefix);
        long before = System.nanoTime();
        LockHandle handle = adapter.locks().acquire(key, ttl, "doomed-holder").orElseThrow();
        ClaimResult<String> claim = adapter.idempotency().claim(key, null, ttl, String.class);
        long after = System.nanoTime();
        if (!(claim instanceof ClaimResult.Claimed<String>)) {
            throw new IllegalStateException("claim not granted: " + claim);
        }
        System.out.println("HELD " + handle.fencingToken() + " " + before + " " + after);
        System.out.flush();
        Thread.sleep(120_000);
        System.exit(3);
    }
}
