package org.gogoscope.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import java.util.Objects;
import org.gogoscope.api.Store;

/**
 * An instance of {@link Store} for programmatic lookup:
 * {@code CDI.current().select(LockProvider.class, StoreLiteral.of("orders")).get()}.
 */
public final class StoreLiteral extends AnnotationLiteral<Store> implements Store {

    private static final long serialVersionUID = 1L;

    private final String value;

    private StoreLiteral(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Store of(String storeName) {
        return new StoreLiteral(storeName);
    }

    @Override
    public String value() {
        return value;
    }
}
