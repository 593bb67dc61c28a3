package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import org.gogoscope.api.MessageCode;

/**
 * An annotation member the interceptors cannot use; the message reads
 * {@code GOGO-0201: Invalid @Locked.ttl on com.acme.Orders.ship(String): must be > 0, was -5s}. Reported as a CDI
 * definition error at deployment. Without a member ({@code null}) the message reads {@code Invalid @Idempotent on ...}.
 */
public class InvalidAnnotationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final MessageCode code;

    /** A {@link MessageCode#INVALID_ANNOTATION}. */
    public InvalidAnnotationException(String annotation, String member, Method method, String problem) {
        this(MessageCode.INVALID_ANNOTATION, annotation, member, method, problem);
    }

    public InvalidAnnotationException(MessageCode code, String annotation, String member, Method method,
            String problem) {
        super(code.format("Invalid @" + annotation + (member == null ? "" : "." + member) + " on "
                + MethodNames.of(method) + ": " + problem));
        this.code = code;
    }

    public MessageCode code() {
        return code;
    }
}
