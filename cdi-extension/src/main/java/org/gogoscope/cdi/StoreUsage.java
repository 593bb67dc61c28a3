package org.gogoscope.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import org.gogoscope.api.Store;

/**
 * One injection point asking for a go-go-scope bean: which kind, which store ({@code @Store} value, or the
 * kind's routed store when unqualified, or every store for {@code @Any Instance<...>}) and where, for messages.
 *
 * @param kind the bean kind asked for
 * @param store the store named by {@code @Store}; empty when unqualified
 * @param anyStore whether the injection point is {@code @Any} without {@code @Store}, i.e. may select any store
 * @param where the injection point, e.g. {@code com.acme.Orders.locks}
 */
record StoreUsage(ProviderKind kind, Optional<String> store, boolean anyStore, String where) {

    /** The usage of {@code ip}, empty when it asks for none of the go-go-scope bean types. */
    static Optional<StoreUsage> of(InjectionPoint ip) {
        Type type = ip.getType();
        if (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == Instance.class || parameterized.getRawType() == Provider.class)) {
            type = parameterized.getActualTypeArguments()[0];
        }
        if (!(type instanceof Class<?> raw)) {
            return Optional.empty();
        }
        return ProviderKind.of(raw).map(kind -> {
            Optional<String> store = Optional.empty();
            boolean any = false;
            for (Annotation qualifier : ip.getQualifiers()) {
                if (qualifier instanceof Store named) {
                    store = Optional.of(named.value());
                } else if (qualifier instanceof Any) {
                    any = true;
                }
            }
            return new StoreUsage(kind, store, any && store.isEmpty(), describe(ip, raw));
        });
    }

    /** Separates the fields of {@link #encode()}: a character no store name, class or member name contains. */
    private static final String SEPARATOR = "\u001f";

    /**
     * This usage as one string, to hand from build time to run time as a synthetic component's parameter
     * (Quarkus: {@link GogoscopeBuildExtension}).
     */
    String encode() {
        return String.join(SEPARATOR, kind.name(), store.map(s -> "=" + s).orElse(""), Boolean.toString(anyStore), where);
    }

    /** The usage {@link #encode()} made {@code encoded} of. */
    static StoreUsage decode(String encoded) {
        String[] fields = encoded.split(SEPARATOR, 4);
        Optional<String> store = fields[1].isEmpty() ? Optional.empty() : Optional.of(fields[1].substring(1));
        return new StoreUsage(ProviderKind.valueOf(fields[0]), store, Boolean.parseBoolean(fields[2]), fields[3]);
    }

    private static String describe(InjectionPoint ip, Class<?> type) {
        String member = ip.getMember() == null ? "?"
                : ip.getMember().getDeclaringClass().getName() + "." + ip.getMember().getName();
        return type.getSimpleName() + " at " + member;
    }
}
