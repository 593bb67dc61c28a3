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

    Purger(String table, Db db, String purgeSql, int batch) {
        this.table = table;
        this.db = db;
        this.purge = NamedSql.parse(purgeSql);
        this.batch = batch;
    }

    /** Deletes one batch; returns how many rows went. */
    int purgeNow() {
        return db.update(purge, Params.of("limit", batch));
    }

    /** Whether {@code deleted} rows (one call's) were a full batch, so more may be waiting. */
    boolean full(int deleted) {
        return deleted >= batch;
    }

    String table() {
        return table;
    }
}
