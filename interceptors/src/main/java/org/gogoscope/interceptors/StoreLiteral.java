package org.gogoscope.interceptors;

import jakarta.enterprise.util.AnnotationLiteral;
import org.gogoscope.api.Store;

/** {@code @Store(name)} as a value. */
final class StoreLiteral extends AnnotationLiteral<Store> implements Store {

    private static final long serialVersionUID = 1L;

    private final String value;

    StoreLiteral(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
