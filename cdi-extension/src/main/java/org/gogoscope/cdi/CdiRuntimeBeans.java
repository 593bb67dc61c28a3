package org.gogoscope.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gogoscope.core.spi.AdapterSettings;

/**
 * The application's beans as {@link AdapterSettings.RuntimeBeans}: {@code default} is the bean of the type without
 * qualifier; any other name is the bean qualified by it, through {@code @Named} or through any qualifier whose
 * {@code value()} is that name (Quarkus' {@code @io.quarkus.agroal.DataSource("x")}, Helidon's {@code @Named}).
 * Ambiguity between qualifiers is resolved by the container's own rules; two beans with the name are an error.
 */
final class CdiRuntimeBeans implements AdapterSettings.RuntimeBeans {

    private final BeanManager beans;

    CdiRuntimeBeans(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public <T> Optional<T> find(Class<T> type, String name) {
        Set<Bean<?>> candidates = AdapterSettings.DEFAULT_STORE.equals(name) ? beans.getBeans(type, Default.Literal.INSTANCE)
                : beans.getBeans(type, Any.Literal.INSTANCE).stream().filter(bean -> named(bean, name))
                        .collect(Collectors.toSet());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = beans.resolve(candidates);
        return Optional.of(type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean))));
    }

    private static boolean named(Bean<?> bean, String name) {
        for (Annotation qualifier : bean.getQualifiers()) {
            if (qualifier instanceof Named named ? named.value().equals(name) : name.equals(value(qualifier))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code String value()} member of a qualifier, or null when it has none. */
    private static String value(Annotation qualifier) {
        try {
            Method value = qualifier.annotationType().getMethod("value");
            return value.getReturnType() == String.class ? Objects.toString(value.invoke(qualifier), null) : null;
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }
}
