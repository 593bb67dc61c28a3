package org.gogoscope.core.tls;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Says what went wrong in a TLS handshake, for the backends that make their own connections (Redis, MongoDB): the
 * server's certificate not trusted, not issued for the host connected to, otherwise refused, no TLS on the port, or
 * a client certificate wanted. Drivers wrap the JDK's exceptions in their own, sometimes only as suppressed ones;
 * the descriptions quote the JDK's messages, which hold no secret (host names, certificate subjects), and name the
 * backend's own settings through {@link Hints}.
 */
public final class TlsFailures {

    /**
     * The backend's words for the fixes: where the trusted certificates are configured, how the host name check is
     * turned off, how TLS is turned on, where the client certificate is configured.
     */
    public record Hints(String trustStore, String hostnameCheck, String tlsSwitch, String keyStore) {
        public Hints {
            Objects.requireNonNull(trustStore, "trustStore");
            Objects.requireNonNull(hostnameCheck, "hostnameCheck");
            Objects.requireNonNull(tlsSwitch, "tlsSwitch");
            Objects.requireNonNull(keyStore, "keyStore");
        }
    }

    private TlsFailures() {
    }

    /** A description of the TLS handshake failure among {@code failure}'s causes, or {@code null} if there is none. */
    public static String handshake(Throwable failure, Hints hints) {
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
                    + hints.trustStore() + ", or of the JVM's default trust when none is set): "
                    + message(certificate != null ? certificate : ssl);
        }
        if (certificate != null && isHostMismatch(certificate.getMessage())) {
            return "TLS handshake failed: the server's certificate does not match the host name connected to ("
                    + hints.hostnameCheck() + "): " + certificate.getMessage();
        }
        if (certificate != null) {
            return "TLS handshake failed: the server's certificate was refused: " + certificate.getMessage();
        }
        if (ssl != null) {
            String text = String.valueOf(ssl.getMessage());
            if (text.contains("Unsupported or unrecognized SSL message")) {
                return "TLS handshake failed: the server did not answer in TLS (a plaintext port? "
                        + hints.tlsSwitch() + "): " + text;
            }
            return "TLS handshake failed: " + text + (text.contains("certificate_required")
                    || text.contains("bad_certificate")
                            ? " (the server wants a client certificate: " + hints.keyStore() + ")" : "");
        }
        return null;
    }

    /**
     * For a server that could not be reached at all: "connection refused to 127.0.0.1:6380" (or "unknown host …",
     * "no route to host …") from the first of {@code failure}'s causes that says so ({@link #isUnreachable});
     * {@code null} when none does. {@code address} (host:port, or {@code null} when unknown) is the driver's, never
     * a connection string, which may hold a password.
     */
    public static String unreachable(Throwable failure, String address) {
        if (failure == null) {
            return null;
        }
        for (Throwable t : causes(failure)) {
            if (!isUnreachable(t)) {
                continue;
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            String to = address == null ? "" : " to " + address;
            if (t instanceof java.net.NoRouteToHostException) {
                return "no route to host" + (address == null ? "" : " " + address);
            }
            String what = t.getMessage() == null ? "connection failed"
                    : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            return what + to;
        }
        return null;
    }

    /** Whether {@code t} says the server could not be reached at all (refused, unknown host, no route). */
    public static boolean isUnreachable(Throwable t) {
        return t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                || t instanceof java.net.NoRouteToHostException;
    }

    /**
     * For a connect over TLS: the handshake failure among {@code failure}'s causes ({@link #handshake}); else, when
     * the connection was made but the server closed it ({@code closed} tells a driver's closed-connection
     * exceptions) or left it unanswered ({@code unanswered}, then {@code unansweredText} is the description), a
     * description naming the likely causes; {@code null} when the server could not be reached or the failure is
     * something else.
     */
    public static String connect(Throwable failure, Hints hints, Predicate<Throwable> closed,
            Predicate<Throwable> unanswered, String unansweredText) {
        String handshake = handshake(failure, hints);
        if (handshake != null) {
            return handshake;
        }
        Throwable io = null;
        for (Throwable t : causes(failure)) {
            if (isUnreachable(t)) {
                return null;
            }
            if (unanswered.test(t)) {
                return unansweredText;
            }
            if (io == null && closed.test(t)) {
                io = t;
            }
        }
        return io == null ? null : closedAfterHandshake(io, hints);
    }

    /** The text after "closed right after it (...)" for a connection closed in or after a TLS handshake. */
    public static String closedAfterHandshake(Throwable io, Hints hints) {
        return "TLS handshake failed or the connection closed right after it (" + io.getMessage()
                + "): the server may not speak TLS on this port, or may want a client certificate ("
                + hints.keyStore() + ") or refuse the one shown";
    }

    /** {@code failure}, its causes and suppressed exceptions, each once (at most 64). */
    public static List<Throwable> causes(Throwable failure) {
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

    private static boolean isHostMismatch(String text) {
        return text != null && (text.contains("No subject alternative") || text.contains("No name matching"));
    }

    private static String message(Throwable t) {
        return t == null ? "" : String.valueOf(t.getMessage());
    }
}
