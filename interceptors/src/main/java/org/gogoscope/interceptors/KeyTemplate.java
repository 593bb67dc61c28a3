package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gogoscope.api.MessageCode;

/**
 * A parsed key template (grammar in {@link org.gogoscope.api.annotation}): literals and
 * {@code {parameter.property...}} expressions, resolved against a call's arguments. A parameter is named
 * ({@code {orderId}}, which needs the class compiled with {@code -parameters}) or given by its position
 * ({@code {0}}, which needs nothing). Parsing checks every parameter reference and property against the method's
 * signature, so errors surface at deployment.
 */
public final class KeyTemplate {

    private sealed interface Part permits Literal, Expression {
    }

    private record Literal(String text) implements Part {
    }

    private record Expression(String text, int parameter, List<Method> accessors) implements Part {
    }

    private final String template;
    private final List<Part> parts;

    private KeyTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = parts;
    }

    /**
     * Parses {@code template} for {@code method}.
     *
     * @throws InvalidAnnotationException naming {@code @annotation.key} when it does not fit the method
     */
    public static KeyTemplate parse(String annotation, Method method, String template) {
        if (template == null || template.isBlank()) {
            throw new InvalidAnnotationException(MessageCode.INVALID_KEY_TEMPLATE, annotation, "key", method,
                    "must not be blank");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new InvalidAnnotationException(MessageCode.INVALID_KEY_TEMPLATE, annotation, "key", method,
                        "unmatched '}' at index " + i + " in \"" + template + "\" (write }} for a literal brace)");
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new InvalidAnnotationException(MessageCode.INVALID_KEY_TEMPLATE, annotation, "key", method,
                            "unclosed '{' at index " + i + " in \"" + template + "\"");
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(expression(annotation, method, template, template.substring(i + 1, end)));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new KeyTemplate(template, List.copyOf(parts));
    }

    private static Expression expression(String annotation, Method method, String template, String text) {
        String[] path = text.trim().split("\\.", -1);
        Parameter[] parameters = method.getParameters();
        int index = isIndex(path[0]) ? position(annotation, method, template, path[0], parameters.length)
                : named(annotation, method, template, path[0], parameters);
        List<Method> accessors = new ArrayList<>();
        Class<?> type = parameters[index].getType();
        for (int p = 1; p < path.length; p++) {
            Method accessor = accessor(type, path[p]);
            if (accessor == null) {
                throw new InvalidAnnotationException(MessageCode.INVALID_KEY_TEMPLATE, annotation, "key", method,
                        "no public accessor '" + path[p]
                        + "()', 'get" + capitalized(path[p]) + "()' or 'is" + capitalized(path[p]) + "()' on "
                        + type.getName() + " for {" + text + "} in \"" + template + "\"");
            }
            accessors.add(accessor);
            type = accessor.getReturnType();
        }
        return new Expression(text, index, List.copyOf(accessors));
    }

    private static boolean isIndex(String reference) {
        return !reference.isEmpty() && reference.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A positional reference, {@code {0}} for the first parameter: needs no {@code -parameters}. */
    private static int position(String annotation, Method method, String template, String reference, int count) {
        int index;
        try {
            index = Integer.parseInt(reference);
        } catch (NumberFormatException e) {
            index = Integer.MAX_VALUE;
        }
        if (index >= count) {
            throw new InvalidAnnotationException(MessageCode.INVALID_KEY_TEMPLATE, annotation, "key", method,
                    "parameter index " + reference + " in \"" + template + "\" is out of range: the method has "
                    + (count == 0 ? "no parameters" : count == 1 ? "1 parameter ({0})"
                            : count + " parameters ({0} to {" + (count - 1) + "})"));
        }
        return index;
    }

    /** A reference by name: needs the names in the class file ({@code javac -parameters}). */
    private static int named(String annotation, Method method, String template, String name,
            Parameter[] parameters) {
        for (int p = 0; p < parameters.length; p++) {
            if (parameters[p].getName().equals(name)) {
                return p;
            }
        }
        String names = Arrays.toString(Arrays.stream(parameters).map(Parameter::getName).toArray());
        boolean synthetic = parameters.length > 0 && !parameters[0].isNamePresent();
        throw new InvalidAnnotationException(MessageCode.INVALID_KEY_TEMPLATE, annotation, "key", method,
                "unknown parameter '" + name + "' in \"" + template + "\"; parameters are " + names
                + (synthetic ? " (the class was compiled without parameter names: compile with -parameters, in"
                        + " Maven <maven.compiler.parameters>true</maven.compiler.parameters>, or write {0} for"
                        + " the first parameter, {1} for the second, ...)" : ""));
    }

    private static Method accessor(Class<?> type, String property) {
        if (property.isEmpty()) {
            return null;
        }
        for (String name : List.of(property, "get" + capitalized(property), "is" + capitalized(property))) {
            try {
                Method candidate = type.getMethod(name);
                if (candidate.getReturnType() != void.class && !Modifier.isStatic(candidate.getModifiers())) {
                    candidate.trySetAccessible();
                    return candidate;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }

    private static String capitalized(String property) {
        return property.isEmpty() ? property : Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    /**
     * The key for one call.
     *
     * @throws IllegalArgumentException naming the expression when a value on its path is {@code null}
     */
    public String resolve(Object[] arguments) {
        StringBuilder key = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                key.append(literal.text());
            } else {
                Expression expression = (Expression) part;
                Object value = arguments[expression.parameter()];
                for (Method accessor : expression.accessors()) {
                    if (value == null) {
                        break;
                    }
                    value = invoke(accessor, value, expression);
                }
                if (value == null) {
                    throw new IllegalArgumentException("key template \"" + template + "\": {" + expression.text()
                            + "} is null");
                }
                key.append(value);
            }
        }
        return key.toString();
    }

    private static Object invoke(Method accessor, Object target, Expression expression) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read {" + expression.text() + "}: " + e, e);
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
