/**
 * {@code @Idempotent}: the interceptor, its internal binding, the validated plan of one method, the envelope a
 * result is stored in, and the fingerprint of a call's arguments.
 *
 * <p>Internal: applications use {@link org.gogoscope.api.annotation.Idempotent} from {@code gogoscope-api}.
 */
package org.gogoscope.interceptors.idempotent;
