package org.gogoscope.jpa;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.gogoscope.api.MessageCode;

/**
 * Removes expired rows of one table in bounded batches ({@code DELETE ... LIMIT batch} through the expires_at
 * index), never with a full-table delete. It runs piggy-backed on a write, at most once per interval per node,
 * after the write has succeeded; a failed purge is logged and retried next interval. Expired rows are invisible
 * to every read whether purged or not, so purging only reclaims space.
 */
final class Purger {

    private static final System.Logger LOG = System.getLogger(Purger.class.getName());

    private final Db db;
    private final NamedSql purge;
    private final long intervalNanos;
    private final int batch;
    private final AtomicLong next;

    Purger(Db db, String purgeSql, long intervalMillis, int batch) {
        this.db = db;
        this.purge = NamedSql.parse(purgeSql);
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.batch = batch;
        this.next = new AtomicLong(System.nanoTime() + intervalNanos); // a node's first purge is one interval in
    }

    /** Purges one batch if the interval has passed since the last purge of this node. */
    void maybePurge() {
        long due = next.get();
        long now = System.nanoTime();
        if (now - due < 0 || !next.compareAndSet(due, now + intervalNanos)) {
            return;
        }
        purgeNow();
    }

    /** Deletes one batch; returns how many rows went. */
    int purgeNow() {
        try {
            return db.update(purge, Params.of("limit", batch));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, MessageCode.PURGE_FAILED.format("Purging expired rows failed; retrying next interval"), e);
            return 0;
        }
    }
}
