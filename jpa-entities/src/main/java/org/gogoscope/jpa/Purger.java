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
    private final String parameter;
    private final long value;

    /** For a table whose statement takes only {@code :limit}. */
    Purger(String table, Db db, String purgeSql, int batch) {
        this(table, db, purgeSql, batch, null, 0);
    }

    /**
     * For a statement with one more parameter besides {@code :limit}: the lock rows' {@code :grace} (how far below
     * the clock a free row's token must be, in µs), the breaker states' {@code :age} (minus the retention, in ms).
     */
    Purger(String table, Db db, String purgeSql, int batch, String parameter, long value) {
        this.table = table;
        this.db = db;
        this.purge = NamedSql.parse(purgeSql);
        this.batch = batch;
        this.parameter = parameter;
        this.value = value;
    }

    /** Deletes one batch; returns how many rows went. */
    int purgeNow() {
        Params params = Params.of("limit", batch);
        return db.update(purge, parameter == null ? params : params.and(parameter, value));
    }

    /** Whether {@code deleted} rows (one call's) were a full batch, so more may be waiting. */
    boolean full(int deleted) {
        return deleted >= batch;
    }

    String table() {
        return table;
    }
}
