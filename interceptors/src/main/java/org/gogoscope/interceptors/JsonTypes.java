package org.gogoscope.interceptors;

import jakarta.json.bind.annotation.JsonbCreator;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether JSON-B can write a value of a type and read it back into the same type. Checks the declared type and,
 * for parameterized containers, their type arguments; it does not walk the properties of user classes.
 */
public final class JsonTypes {

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, java.math.BigDecimal.class,
            java.math.BigInteger.class, java.util.UUID.class, java.net.URI.class, java.net.URL.class, Void.class,
            java.util.Date.class, java.util.Calendar.class, java.util.TimeZone.class, java.time.ZoneId.class,
            java.time.ZoneOffset.class, java.util.OptionalInt.class, java.util.OptionalLong.class,
            java.util.OptionalDouble.class);

    private JsonTypes() {
    }

    /**
     * Whether an argument of declared type {@code type} is plain data worth fingerprinting: it round-trips, and
     * it is not a JDK or Jakarta class other than scalars, time values, collections, maps and optionals (so
     * futures, latches, streams and callbacks, whose getters may block or change, are left out).
     */
    public static boolean isData(Type type) {
        if (problem(type) != null) {
            return false;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        while (raw.isArray()) {
            raw = raw.getComponentType();
        }
        String name = raw.getName();
        boolean platform = name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.");
        return !platform || raw.isPrimitive() || raw.isEnum() || SCALARS.contains(raw)
                || Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)
                || (name.startsWith("java.util.") && !name.startsWith("java.util.concurrent.")
                        && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                                || raw == Optional.class));
    }

    /** {@code null} if {@code type} round-trips; otherwise why not. */
    public static String problem(Type type) {
        if (type instanceof TypeVariable<?> variable) {
            return "type variable " + variable.getName() + " is only known at run time";
        }
        if (type instanceof WildcardType) {
            return "a wildcard type is only known at run time";
        }
        if (type instanceof GenericArrayType array) {
            return problem(array.getGenericComponentType());
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                if (arguments[0] != String.class) {
                    return "map keys must be String, were " + arguments[0].getTypeName();
                }
                return problem(arguments[1]);
            }
            if (Collection.class.isAssignableFrom(raw) || raw == Optional.class) {
                return problem(arguments[0]);
            }
            String own = classProblem(raw);
            if (own != null) {
                return own;
            }
            for (Type argument : arguments) {
                String inner = problem(argument);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        Class<?> raw = (Class<?>) type;
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
            return "raw " + raw.getSimpleName() + " loses its element type; declare it, e.g. List<Item>";
        }
        return classProblem(raw);
    }

    private static String classProblem(Class<?> raw) {
        if (raw.isPrimitive() || raw.isEnum() || SCALARS.contains(raw) || Temporal.class.isAssignableFrom(raw)
                || TemporalAmount.class.isAssignableFrom(raw)) {
            return null;
        }
        if (raw.isArray()) {
            return classProblem(raw.getComponentType());
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == Object.class) {
            return "Object is read back as a Map or List, not as the written class";
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return raw.getSimpleName() + " is " + (raw.isInterface() ? "an interface" : "abstract")
                    + " and JSON-B cannot tell which class to create";
        }
        if (raw.isRecord()) {
            return null;
        }
        if (raw.getEnclosingClass() != null && !Modifier.isStatic(raw.getModifiers())) {
            return "inner (non-static) classes cannot be created by JSON-B";
        }
        for (Constructor<?> constructor : raw.getDeclaredConstructors()) {
            boolean visible = Modifier.isPublic(constructor.getModifiers())
                    || Modifier.isProtected(constructor.getModifiers());
            if ((visible && constructor.getParameterCount() == 0) || constructor.isAnnotationPresent(JsonbCreator.class)) {
                return null;
            }
        }
        for (Method method : raw.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonbCreator.class)) {
                return null;
            }
        }
        return "no public or protected no-argument constructor and no @JsonbCreator";
    }
}
