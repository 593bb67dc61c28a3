package org.gogoscope.jpa;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gogoscope.jpa.dialect.SqlDialect;

/**
 * A {@link SQLException} on its way out of a storage method; {@link org.gogoscope.core.StorageAdapter} turns it
 * into a {@link org.gogoscope.api.BackendException} naming the backend and the operation. The message says what
 * the driver said and, when the pool wrapped it ("Connection is not available, request timed out"), what the
 * last attempt to connect ran into, e.g. "Connection refused".
 */
final class SqlFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
        super(describe(cause), cause);
    }

    SqlFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The drivers' and the JDK's words for a certificate that does not name the host connected to. */
    private static final Pattern WRONG_HOST = Pattern.compile("(?is)hostname.{0,40}verif|verif.{0,40}hostname"
            + "|identity verification failed|doesn't correspond to certificate|no subject alternative (dns )?name");

    /** ... for a certificate chain that does not lead to a trusted CA. */
    private static final Pattern UNTRUSTED = Pattern.compile("(?i)PKIX|certification path|trust anchor"
            + "|unable to find valid certif|self[- ]signed certificate");

    /** ... for other TLS failures, in words that may not say TLS or SSL (exception class names). */
    private static final Pattern OTHER_TLS = Pattern.compile("(?i)SSLException|SSLHandshake|handshake_failure");

    /**
     * The message of a failed first connection to {@code address} (host:port) with {@code jdbcUrl}: what the
     * driver said, led by what it means where the driver's words do not say it plainly (TLS: an untrusted
     * certificate, a certificate for another host; and what the store's {@code dialect} reads from its product's
     * error codes, e.g. a server that refuses plaintext). Never quotes the URL.
     */
    static String connectFailure(String address, String jdbcUrl, SqlDialect dialect, SQLException e) {
        String described = describe(e);
        return "cannot connect to " + address + ": " + hint(address, jdbcUrl, dialect, e, described)
                .map(h -> h + ": ").orElse("") + described;
    }

    private static Optional<String> hint(String address, String jdbcUrl, SqlDialect dialect, SQLException e,
            String described) {
        String host = address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
        if (WRONG_HOST.matcher(described).find()) {
            return Optional.of("TLS: the server's certificate is not issued for host " + host
                    + " (connect by a name or address its subject alternative names hold)");
        }
        if (UNTRUSTED.matcher(described).find()) {
            return Optional.of("TLS: the server's certificate is not signed by a CA this client trusts"
                    + " (give the CA in the URL, see the jpa-entities README \"TLS\", or the JVM's trust store)");
        }
        Optional<String> product = dialect.connectFailureHint(e, described, jdbcUrl);
        if (product.isPresent()) {
            return product;
        }
        if (OTHER_TLS.matcher(described).find() && !described.matches("(?is).*\\b(TLS|SSL)\\b.*")) {
            return Optional.of("TLS handshake failed");
        }
        return Optional.empty();
    }

    /** The exception's message and SQLState, plus the messages of its causes that say more. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            text.append(" [SQLState ").append(sql.getSQLState()).append(']');
        }
        int depth = 0;
        for (Throwable cause = failure.getCause(); cause != null && depth < 5; cause = cause.getCause(), depth++) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append("; cause: ").append(message);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
