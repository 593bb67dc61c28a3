/**
 * The portable extension of {@code gogoscope-interceptors} ({@link org.gogoscope.interceptors.GogoscopeInterceptorsExtension}:
 * binds the interceptors, validates every annotation at deployment) and what its features share: the provider
 * lookup ({@link org.gogoscope.interceptors.Providers}), MicroProfile Config lookups
 * ({@link org.gogoscope.interceptors.MpConfig}), key templates, durations, JSON-B type checks, method names in
 * messages, the deployment error type and the waiting backoff. One package per feature beside it:
 * {@link org.gogoscope.interceptors.locked}, {@link org.gogoscope.interceptors.idempotent},
 * {@link org.gogoscope.interceptors.breaker}.
 *
 * <p>Internal: applications use the annotations of {@code gogoscope-api} ({@code org.gogoscope.api.annotation}) and
 * add this jar; nothing here is a supported API, and classes are public only where another package of this jar
 * needs them. The extension never links to the MicroProfile Fault Tolerance API, which is optional.
 */
package org.gogoscope.interceptors;
