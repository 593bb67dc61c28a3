package org.gogoscope.redis;

import org.gogoscope.core.tls.TlsFailures;

/**
 * Says what went wrong when a connection failed for a reason the user can fix in the configuration: a TLS handshake
 * (certificate not trusted, host name not in the certificate, no TLS on the port), or plaintext sent to a TLS port.
 * Jedis wraps such causes in its own exceptions, sometimes only as suppressed ones (a Cluster's first connect);
 * the messages built here quote the JDK's, which hold no secret (host names, certificate subjects).
 */
final class RedisConnectFailures {

    private static final TlsFailures.Hints HINTS = new TlsFailures.Hints("redis.tls.trust-store",
            "redis.tls.verify-hostname", "redis.tls", "redis.tls.key-store");

    private RedisConnectFailures() {
    }

    /** A description of the TLS failure in {@code failure}'s causes and suppressed exceptions, or {@code null}. */
    static String tls(Throwable failure) {
        return TlsFailures.handshake(failure, HINTS);
    }

    /**
     * For a connect over TLS: {@link #tls(Throwable)}, or, when the connection was made but then closed or left
     * unanswered (no TLS exception: the server closed it after its alert, or waits for more of what it takes for a
     * plaintext command), a description naming the likely causes; {@code null} when the failure is something else
     * (e.g. the port refused the connection).
     */
    static String tlsConnect(Throwable failure) {
        return TlsFailures.connect(failure, HINTS, RedisConnectFailures::closed, t -> false, null);
    }

    /** Jedis's and the JDK's ways of saying the peer closed the connection or never answered. */
    private static boolean closed(Throwable t) {
        return t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                || t instanceof java.io.EOFException || String.valueOf(t.getMessage()).contains("Unexpected end of stream");
    }

    /**
     * For a plaintext connect that the server closed at once: a hint that it may be a TLS-only port, or
     * {@code null} when the failure is something else.
     */
    static String plaintextToTls(Throwable failure) {
        for (Throwable t : TlsFailures.causes(failure)) {
            String text = String.valueOf(t.getMessage());
            if (text.contains("Unexpected end of stream") || text.contains("Connection reset")) {
                return "the server closed the connection at once (" + text + "); a TLS-only port does that to a "
                        + "plaintext client: is redis.tls (or rediss://) missing?";
            }
        }
        return null;
    }

    /**
     * For a server that could not be reached at all: "connection refused to 127.0.0.1:6380" (or "unknown host …",
     * "no route to host …"), from the JDK's exception among {@code failure}'s causes and the address in Jedis's
     * "Failed to connect to host:port." (which never holds the password); {@code null} when the failure is
     * something else.
     */
    static String unreachable(Throwable failure) {
        String address = null;
        for (Throwable t : TlsFailures.causes(failure)) {
            String text = String.valueOf(t.getMessage());
            if (text.startsWith(FAILED_TO_CONNECT)) {
                address = text.substring(FAILED_TO_CONNECT.length()).replaceAll("\\.$", "");
                break;
            }
        }
        return TlsFailures.unreachable(failure, address);
    }

    private static final String FAILED_TO_CONNECT = "Failed to connect to ";
}
