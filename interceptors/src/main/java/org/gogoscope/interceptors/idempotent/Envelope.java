package org.gogoscope.interceptors.idempotent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * How an {@code @Idempotent} result is stored: {@code {"value": <result>}}, so that {@code null} results and
 * {@code void} methods are stored (as {@code {}}) like any other.
 *
 * @param <T> the method's result type
 */
public final class Envelope<T> {

    /** The method's result; {@code null} for {@code void} methods and {@code null} results. */
    public T value;

    public Envelope() {
    }

    Envelope(T value) {
        this.value = value;
    }

    /** The generic type {@code Envelope<resultType>} JSON-B reads a stored result into. */
    static Type typeOf(Type resultType) {
        Type boxed = resultType instanceof Class<?> c && c.isPrimitive() ? boxed(c) : resultType;
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {boxed};
            }

            @Override
            public Type getRawType() {
                return Envelope.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String toString() {
                return Envelope.class.getName() + "<" + boxed.getTypeName() + ">";
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof ParameterizedType p && p.getRawType() == Envelope.class
                        && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments()) && p.getOwnerType() == null;
            }

            @Override
            public int hashCode() {
                return Envelope.class.hashCode() ^ boxed.hashCode();
            }
        };
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }
}
