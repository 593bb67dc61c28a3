/**
 * {@code @Locked}: the interceptor, its internal binding, the validated plan of one method, the watchdog that
 * extends held locks, and {@code CurrentLock} over the locks the current thread holds.
 *
 * <p>Internal: applications use {@link org.gogoscope.api.annotation.Locked} and
 * {@link org.gogoscope.api.annotation.CurrentLock} from {@code gogoscope-api}.
 */
package org.gogoscope.interceptors.locked;
