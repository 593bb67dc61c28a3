package org.gogoscope.jpa;

import java.sql.SQLException;

/**
 * A {@link SQLException} on its way out of a storage method; {@link org.gogoscope.core.StorageAdapter} turns it
 * into a {@link org.gogoscope.api.BackendException} naming the backend and the operation.
 */
final class SqlFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
        super(cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
    }

    SqlFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
