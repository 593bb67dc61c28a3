package org.gogoscope.jpa;

import java.sql.SQLException;

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
