package org.gogoscope.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import java.util.List;
import org.gogoscope.api.BackendException;
import org.gogoscope.core.tls.TlsFailures;

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

    private static final TlsFailures.Hints HINTS = new TlsFailures.Hints("mongodb.tls.trust-store",
            "tlsAllowInvalidHostnames=true in mongodb.uri turns this check off", "tls=true in mongodb.uri",
            "mongodb.tls.key-store");

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
        return TlsFailures.handshake(failure, HINTS);
    }

    /**
     * For a connect over TLS: {@link #tls(Throwable)}, or, when the connection was made but then closed (no TLS
     * exception: the server closed it after its alert), a description naming the likely causes; {@code null} when
     * the failure is something else (e.g. the port refused the connection).
     */
    static String tlsConnect(Throwable failure) {
        return TlsFailures.connect(failure, HINTS, MongoErrors::closed, MongoErrors::unanswered, TLS_UNANSWERED);
    }

    /** The driver's and the JDK's ways of saying the peer closed the connection. */
    private static boolean closed(Throwable t) {
        return t instanceof com.mongodb.MongoSocketReadException || t instanceof com.mongodb.MongoSocketWriteException
                || t instanceof java.net.SocketException || t instanceof java.io.EOFException;
    }

    /** The driver's and the JDK's ways of saying a read timed out: the TLS handshake got no answer. */
    private static boolean unanswered(Throwable t) {
        return t instanceof java.net.SocketTimeoutException || t instanceof com.mongodb.MongoSocketReadTimeoutException;
    }

    /** For a plaintext connect that the server closed at once: a hint that it may be a TLS-only port, or {@code null}. */
    static String plaintextToTls(Throwable failure) {
        for (Throwable t : TlsFailures.causes(failure)) {
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
}
