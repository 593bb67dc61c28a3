package org.gogoscope.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
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
import org.gogoscope.api.BackendException;

/**
 * Classifies driver exceptions the storages handle themselves; everything else is a backend failure. A failed
 * connect whose cause the user can fix in the configuration (a TLS handshake: certificate not trusted, host name not
 * in the certificate, no TLS on the port, a client certificate wanted; or plaintext sent to a TLS port) becomes a
 * {@link BackendException} saying what to fix. The driver reports such causes only in the text of its server
 * selection timeout, so the adapter hands in the exception its server monitor saw; the messages built here quote
 * the JDK's, which hold no secret (host names, certificate subjects).
 */
final class MongoErrors {

    /** Connected, TLS handshake sent, nothing came back: e.g. a plaintext server waiting for the rest of a message. */
    private static final String TLS_UNANSWERED = "TLS handshake not answered within the timeout: the server may not "
            + "speak TLS on this port (tls=true in mongodb.uri), or may be unreachable";

    private MongoErrors() {
    }

    /** Whether {@code e} is a unique-index violation (code 11000 and its legacy relatives). */
    static boolean isDuplicateKey(RuntimeException e) {
        return e instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /**
     * The exception a failed connect throws: a {@link BackendException} naming TLS when that is the cause, else
     * {@code e} itself (which {@code connect()} wraps as for any failure).
     *
     * @param e what the driver threw (typically a server selection timeout)
     * @param monitored the last exception the driver's server monitor reported, or {@code null}
     * @param tls whether the connection string switches TLS on
     */
    static RuntimeException connectFailure(RuntimeException e, Throwable monitored, boolean tls) {
        if (e instanceof BackendException) {
            return e;
        }
        if (e instanceof IllegalArgumentException) { // a trust or key store that cannot be read (now)
            return new BackendException("mongodb", "connect", e.getMessage(), e);
        }
        if (tls && monitored == null && e instanceof com.mongodb.MongoTimeoutException) {
            // the monitor has not given up yet: connected, handshake sent, nothing came back before the timeout
            return new BackendException("mongodb", "connect", TLS_UNANSWERED, e);
        }
        String detail = null;
        for (Throwable failure : monitored == null ? List.of(e) : List.of(monitored, e)) {
            detail = tls ? tlsConnect(failure) : plaintextToTls(failure);
            if (detail != null) {
                break;
            }
        }
        return detail == null ? e : new BackendException("mongodb", "connect", detail, e);
    }

    /** A description of the TLS failure among {@code failure}'s causes, or {@code null}. */
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
                    + "mongodb.tls.trust-store, or of the JVM's default trust when none is set): "
                    + message(certificate != null ? certificate : ssl);
        }
        if (certificate != null && isHostMismatch(certificate.getMessage())) {
            return "TLS handshake failed: the server's certificate does not match the host name connected to "
                    + "(tlsAllowInvalidHostnames=true in mongodb.uri turns this check off): " + certificate.getMessage();
        }
        if (certificate != null) {
            return "TLS handshake failed: the server's certificate was refused: " + certificate.getMessage();
        }
        if (ssl != null) {
            String text = String.valueOf(ssl.getMessage());
            if (text.contains("Unsupported or unrecognized SSL message")) {
                return "TLS handshake failed: the server did not answer in TLS (a plaintext port? tls=true in "
                        + "mongodb.uri): " + text;
            }
            return "TLS handshake failed: " + text + (text.contains("certificate_required") || text
                    .contains("bad_certificate") ? " (the server wants a client certificate: mongodb.tls.key-store)"
                            : "");
        }
        return null;
    }

    /**
     * For a connect over TLS: {@link #tls(Throwable)}, or, when the connection was made but then closed (no TLS
     * exception: the server closed it after its alert), a description naming the likely causes; {@code null} when
     * the failure is something else (e.g. the port refused the connection).
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
            if (t instanceof java.net.SocketTimeoutException || t instanceof com.mongodb.MongoSocketReadTimeoutException) {
                return TLS_UNANSWERED;
            }
            if (io == null && (t instanceof com.mongodb.MongoSocketReadException
                    || t instanceof com.mongodb.MongoSocketWriteException || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException)) {
                io = t;
            }
        }
        return io == null ? null : "TLS handshake failed or the connection closed right after it (" + io
                .getMessage() + "): the server may not speak TLS on this port, or may want a client certificate "
                + "(mongodb.tls.key-store) or refuse the one shown";
    }

    /** For a plaintext connect that the server closed at once: a hint that it may be a TLS-only port, or {@code null}. */
    static String plaintextToTls(Throwable failure) {
        for (Throwable t : causes(failure)) {
            String text = String.valueOf(t.getMessage());
            if (t instanceof com.mongodb.MongoSocketReadException && (text.contains("Prematurely reached end of stream")
                    || text.contains("Connection reset")) || t instanceof java.net.SocketException
                    && text.contains("Connection reset")) {
                return "the server closed the connection at once (" + text + "); a TLS-only port does that to a "
                        + "plaintext client: is tls=true missing from mongodb.uri?";
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
