package org.gogoscope.interceptors;

import java.lang.reflect.Method;

/**
 * An annotation member the interceptors cannot use; the message reads
 * {@code Invalid @Locked.ttl on com.acme.Orders.ship(String): must be > 0, was -5s}. Reported as a CDI definition
 * error at deployment. Without a member ({@code null}) the message reads {@code Invalid @Idempotent on ...}.
 */
public class InvalidAnnotationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAnnotationException(String annotation, String member, Method method, String problem) {
        super("Invalid @" + annotation + (member == null ? "" : "." + member) + " on " + MethodNames.of(method) + ": "
                + problem);
    }
}
