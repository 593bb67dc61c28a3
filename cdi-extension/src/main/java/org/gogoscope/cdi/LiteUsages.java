package org.gogoscope.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Provider;
import java.util.Arrays;
import java.util.Optional;
import org.gogoscope.api.Store;

/**
 * {@link StoreUsage#of(jakarta.enterprise.inject.spi.InjectionPoint)} for the build-time language model of CDI
 * Lite: the same rules on an {@link InjectionPointInfo}, which names classes instead of holding them.
 */
final class LiteUsages {

    private LiteUsages() {
    }

    /** The usage of {@code ip}, empty when it asks for none of the go-go-scope bean types. */
    static Optional<StoreUsage> of(InjectionPointInfo ip) {
        Type type = ip.type();
        if (type.isParameterizedType() && isLookup(type.asParameterizedType().genericClass().declaration().name())
                && type.asParameterizedType().typeArguments().size() == 1) {
            type = type.asParameterizedType().typeArguments().get(0);
        }
        if (!type.isClass()) {
            return Optional.empty();
        }
        String typeName = type.asClass().declaration().name();
        return Arrays.stream(ProviderKind.values()).filter(kind -> kind.type().getName().equals(typeName)).findFirst()
                .map(kind -> {
                    Optional<String> store = Optional.empty();
                    boolean any = false;
                    for (AnnotationInfo qualifier : ip.qualifiers()) {
                        String name = qualifier.name();
                        if (name.equals(Store.class.getName())) {
                            store = Optional.of(qualifier.value().asString());
                        } else if (name.equals(Any.class.getName())) {
                            any = true;
                        }
                    }
                    return new StoreUsage(kind, store, any && store.isEmpty(),
                            kind.type().getSimpleName() + " at " + describe(ip.declaration()));
                });
    }

    private static boolean isLookup(String rawType) {
        return rawType.equals(Instance.class.getName()) || rawType.equals(Provider.class.getName());
    }

    private static String describe(DeclarationInfo member) {
        if (member.isField()) {
            return member.asField().declaringClass().name() + "." + member.asField().name();
        }
        if (member.isParameter()) {
            var method = member.asParameter().declaringMethod();
            return method.declaringClass().name() + "." + method.name();
        }
        return "?";
    }
}
