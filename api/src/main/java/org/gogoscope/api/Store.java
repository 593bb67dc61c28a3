package org.gogoscope.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * CDI qualifier selecting a named store, configured under {@code gogoscope.store.<value>.*}:
 * {@code @Inject @Store("orders") LockProvider locks;}. Without it, a provider comes from the store its kind is
 * routed to ({@code gogoscope.lock.store}, ... default {@code default}) and a {@link PersistenceAdapter} from
 * the store named {@code default}.
 *
 * <p>The {@code jakarta.inject} API is needed only where the qualifier is evaluated, i.e. in a CDI container;
 * code outside CDI may use the rest of this package without it. The same holds for {@link Literal} and the CDI
 * API: it is loaded only when used.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface Store {

    /** The store's name, e.g. {@code orders}: letters, digits, {@code _} and {@code -}. */
    String value();

    /**
     * {@code @Store(name)} as a value, for programmatic lookup:
     * {@code CDI.current().select(LockProvider.class, Store.Literal.of("orders")).get()}. Needs the CDI API
     * ({@code jakarta.enterprise.cdi-api}), which every CDI container provides.
     */
    public static final class Literal extends AnnotationLiteral<Store> implements Store {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** {@code @Store(name)}. */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
