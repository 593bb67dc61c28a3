package org.gogoscope.api;

import java.util.Objects;

/**
 * The one unchecked exception a backend failure surfaces as: the backend was unreachable, timed out, refused
 * the statement, or answered something the library cannot read. It names the backend and the operation and
 * keeps the driver's exception as its cause. Its message starts with {@code GOGO-0301}. A retry after the backend recovers works without reconnecting.
 */
public class BackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String backend;
    private final String operation;

    public BackendException(String backend, String operation, Throwable cause) {
        this(backend, operation, cause == null ? "failed" : String.valueOf(cause.getMessage()), cause);
    }

    public BackendException(String backend, String operation, String detail, Throwable cause) {
        super(MessageCode.BACKEND_FAILURE.format(Objects.requireNonNull(backend, "backend") + " "
                + Objects.requireNonNull(operation, "operation") + " failed: " + detail), cause);
        this.backend = backend;
        this.operation = operation;
    }

    /** Always {@link MessageCode#BACKEND_FAILURE}. */
    public MessageCode code() {
        return MessageCode.BACKEND_FAILURE;
    }

    /** The backend's configuration name, e.g. {@code "postgresql"}. */
    public String backend() {
        return backend;
    }

    /** The operation that failed, e.g. {@code "lock.acquire"}. */
    public String operation() {
        return operation;
    }
}
