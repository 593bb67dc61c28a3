package org.gogoscope.redis;

/**
 * A lock grant or extension that fewer replicas than {@code redis.wait-replicas} acknowledged within
 * {@code redis.wait-timeout}: a failover to a replica could lose it, so it does not count. The adapter reports it
 * as the cause of a {@code BackendException} naming the operation.
 */
final class ReplicaWaitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReplicaWaitException(String message) {
        super(message);
    }
}
