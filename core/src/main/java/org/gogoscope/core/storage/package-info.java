/**
 * The storage SPI: the few raw operations a backend implements. The typed providers of
 * {@link org.gogoscope.core.StorageAdapter} do everything else once for all backends: argument checks, key
 * prefixes and length limits, JSON, lock handles, and translating unexpected driver exceptions into
 * {@link org.gogoscope.api.BackendException}.
 *
 * <p>Every method receives <em>full</em> keys (prefix included, already checked) and TTLs in whole
 * milliseconds {@code >= 1}. Each method must be atomic on the backend as its Javadoc says, judge expiry by
 * the backend's clock, and throw {@link org.gogoscope.api.BackendException} for a backend failure.
 */
package org.gogoscope.core.storage;
