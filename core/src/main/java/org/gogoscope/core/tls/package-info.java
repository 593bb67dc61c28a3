/**
 * Trust and key stores for TLS connections to a backend, shared by the backends that make their own connections
 * (Redis, MongoDB): how a store file is read, and the {@link javax.net.ssl.SSLContext} built from it.
 */
package org.gogoscope.core.tls;
