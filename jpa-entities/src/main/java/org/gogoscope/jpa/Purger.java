package org.gogoscope.jpa;

/**
 * Deletes the expired rows of one table in bounded batches (one {@code DELETE ... LIMIT batch} statement per call),
 * never with a full-table delete. Expired rows are invisible to every read whether deleted or not, so purging only
 * reclaims space; {@link PurgeSchedule} decides when.
 */
final class Purger {

    private final String table;
    private final Db db;
    private final NamedSql purge;
    private final int batch;
    private final long graceMicros;

    /** For a table whose statement takes only {@code :limit}. */
    Purger(String table, Db db, String purgeSql, int batch) {
        this(table, db, purgeSql, batch, -1);
    }

    /** For the lock rows: {@code :grace} is how far below the clock a free row's token must be, in µs. */
    Purger(String table, Db db, String purgeSql, int batch, long graceMicros) {
        this.table = table;
        this.db = db;
        this.purge = NamedSql.parse(purgeSql);
        this.batch = batch;
        this.graceMicros = graceMicros;
    }

    /** Deletes one batch; returns how many rows went. */
    int purgeNow() {
        Params params = Params.of("limit", batch);
        return db.update(purge, graceMicros < 0 ? params : params.and("grace", graceMicros));
    }

    /** Whether {@code deleted} rows (one call's) were a full batch, so more may be waiting. */
    boolean full(int deleted) {
        return deleted >= batch;
    }

    String table() {
        return table;
    }
}
