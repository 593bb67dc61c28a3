/**
 * TLS for the backends that make their own connections (Redis, MongoDB): trust and key stores ({@link
 * org.gogoscope.core.tls.TlsStores}: how a store file is read, the {@link javax.net.ssl.SSLContext} built from it) and
 * what a failed handshake means ({@link org.gogoscope.core.tls.TlsFailures}).
 */
package org.gogoscope.core.tls;
