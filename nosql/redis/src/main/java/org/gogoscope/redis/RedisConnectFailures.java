package org.gogoscope.redis;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Says what went wrong when a connection failed for a reason the user can fix in the configuration: a TLS handshake
 * (certificate not trusted, host name not in the certificate, no TLS on the port), or plaintext sent to a TLS port.
 * Jedis wraps such causes in its own exceptions, sometimes only as suppressed ones (a Cluster's first connect);
 * the messages built here quote the JDK's, which hold no secret (host names, certificate subjects).
 */
final class RedisConnectFailures {

    private RedisConnectFailures() {
    }

    /** A description of the TLS failure in {@code failure}'s causes and suppressed exceptions, or {@code null}. */
    static String tls(Throwable failure) {
        CertificateException certificate = null;
        boolean untrusted = false;
        SSLException ssl = null;
        for (Throwable t : causes(failure)) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                untrusted = true;
            } else if (t instanceof CertificateException c && certificate == null) {
                certificate = c;
            } else if (t instanceof SSLException s && ssl == null) {
                ssl = s;
            }
        }
        if (untrusted) {
            return "TLS handshake failed: the server's certificate is not trusted (no chain to a certificate of "
                    + "redis.tls.trust-store, or of the JVM's default trust when none is set): "
                    + message(certificate != null ? certificate : ssl);
        }
        if (certificate != null && isHostMismatch(certificate.getMessage())) {
            return "TLS handshake failed: the server's certificate does not match the host name connected to "
                    + "(redis.tls.verify-hostname): " + certificate.getMessage();
        }
        if (certificate != null) {
            return "TLS handshake failed: the server's certificate was refused: " + certificate.getMessage();
        }
        if (ssl != null) {
            String text = String.valueOf(ssl.getMessage());
            if (text.contains("Unsupported or unrecognized SSL message")) {
                return "TLS handshake failed: the server did not answer in TLS (a plaintext port? redis.tls): " + text;
            }
            return "TLS handshake failed: " + text + (text.contains("certificate_required") || text
                    .contains("bad_certificate") ? " (the server wants a client certificate: redis.tls.key-store)" : "");
        }
        return null;
    }

    /**
     * For a connect over TLS: {@link #tls(Throwable)}, or, when the connection was made but then closed or left
     * unanswered (no TLS exception: the server closed it after its alert, or waits for more of what it takes for a
     * plaintext command), a description naming the likely causes; {@code null} when the failure is something else
     * (e.g. the port refused the connection).
     */
    static String tlsConnect(Throwable failure) {
        String tls = tls(failure);
        if (tls != null) {
            return tls;
        }
        Throwable io = null;
        for (Throwable t : causes(failure)) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return null;
            }
            String text = String.valueOf(t.getMessage());
            if (io == null && (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.io.EOFException || text.contains("Unexpected end of stream"))) {
                io = t;
            }
        }
        return io == null ? null : "TLS handshake failed or the connection closed right after it (" + io
                .getMessage() + "): the server may not speak TLS on this port, or may want a client certificate "
                + "(redis.tls.key-store) or refuse the one shown";
    }

    /**
     * For a plaintext connect that the server closed at once: a hint that it may be a TLS-only port, or
     * {@code null} when the failure is something else.
     */
    static String plaintextToTls(Throwable failure) {
        for (Throwable t : causes(failure)) {
            String text = String.valueOf(t.getMessage());
            if (text.contains("Unexpected end of stream") || text.contains("Connection reset")) {
                return "the server closed the connection at once (" + text + "); a TLS-only port does that to a "
                        + "plaintext client: is redis.tls (or rediss://) missing?";
            }
        }
        return null;
    }

    private static boolean isHostMismatch(String text) {
        return text != null && (text.contains("No subject alternative") || text.contains("No name matching"));
    }

    private static String message(Throwable t) {
        return t == null ? "" : String.valueOf(t.getMessage());
    }

    /** {@code failure}, its causes and suppressed exceptions, each once. */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> ordered = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && seen.size() < 64) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return ordered;
    }
}
