/**
 * The go-go-scope coordination SPI: distributed locks with fencing tokens ({@link org.gogoscope.api.LockProvider}),
 * circuit-breaker state shared across nodes ({@link org.gogoscope.api.CircuitBreakerStateProvider}),
 * a TTL cache ({@link org.gogoscope.api.CacheProvider}), checkpoints for resumable tasks
 * ({@link org.gogoscope.api.CheckpointProvider}) and idempotency records
 * ({@link org.gogoscope.api.IdempotencyProvider}).
 *
 * <h2>Rules every backend obeys</h2>
 * <ol>
 *   <li><b>Keys.</b> A key is a non-blank string without U+0000 and without unpaired UTF-16 surrogates (text
 *       not every backend can store unchanged; values obey the same rule). The adapter's key prefix is prepended to every key before it
 *       reaches the backend; the combined length may not exceed the backend's limit
 *       ({@link org.gogoscope.api.PersistenceAdapter#maxKeyLength()}). A violation throws
 *       {@link java.lang.IllegalArgumentException} naming the argument.</li>
 *   <li><b>Prefix isolation.</b> No operation of an adapter with prefix {@code a:} sees or touches an entry
 *       written through prefix {@code b:}, for all five providers. Choose prefixes none of which is a prefix
 *       of another (end each with a separator and do not nest them): the SQL, MongoDB and in-memory backends
 *       store prefix and key concatenated, so prefix {@code a:} with key {@code x:k} and prefix {@code a:x:}
 *       with key {@code k} name the same entry there.</li>
 *   <li><b>TTLs</b> are {@link java.time.Duration}s with millisecond precision; a TTL must be at least one
 *       millisecond. Expiry is judged by one clock per backend: the database server's clock where it has one
 *       (PostgreSQL, MySQL/MariaDB, SQLite, Redis, and MongoDB through {@code $currentDate} and {@code $$NOW}),
 *       the JVM's wall clock for the in-memory adapter. An expired entry is never returned, listed, extended or
 *       revived, whether or not it was physically removed yet.</li>
 *   <li><b>Values</b> (cache values, checkpoint data, idempotency results) are stored as JSON produced by
 *       Jakarta JSON Binding, so other languages can read them, and are read back into the requested type.
 *       A value JSON-B cannot map fails with {@link java.lang.IllegalArgumentException} before anything is
 *       written.</li>
 *   <li><b>Failures.</b> A backend failure (down, timed out, refused) throws
 *       {@link org.gogoscope.api.BackendException} naming the backend and operation and keeping the cause.
 *       No method returns {@code null}; absence is an empty {@link java.util.Optional}.</li>
 * </ol>
 */
package org.gogoscope.api;
