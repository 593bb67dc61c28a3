package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How messages name a method: {@code com.acme.Orders.ship(String)}. */
public final class MethodNames {

    private MethodNames() {
    }

    public static String of(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }
}
