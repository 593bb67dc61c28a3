/**
 * Annotations for CDI beans, implemented by the {@code gogoscope-interceptors} module: {@link
 * org.gogoscope.api.annotation.Locked}, {@link org.gogoscope.api.annotation.Idempotent} and {@link
 * org.gogoscope.api.annotation.SharedCircuitBreaker}, the exceptions they throw, and {@link
 * org.gogoscope.api.annotation.CurrentLock}, the fencing-token accessor. The annotations are plain Java
 * annotations (no CDI dependency); the interceptors module's portable extension binds its interceptors to the
 * annotated methods and validates every annotation at deployment.
 *
 * <h2>Key templates</h2>
 * {@code @Locked.key} and {@code @Idempotent.key} are templates resolved against the method's arguments:
 * <pre>
 * template    := ( literal | "{{" | "}}" | "{" expression "}" )*
 * expression  := ( parameterName | parameterIndex ) ( "." property )*
 * parameterIndex := digit+      (0 is the first parameter)
 * </pre>
 * A parameter is referred to by its position or by its name:
 * <ul>
 * <li>{@code parameterIndex}, e.g. {@code {0}}, {@code {1.id}}, {@code {0.customer.id}}: the parameter at that
 * position, counted from 0. It needs no compiler flag.</li>
 * <li>{@code parameterName}, e.g. {@code {orderId}}, {@code {order.id}}: the declared name of a parameter. Java
 * keeps parameter names in class files only when they are compiled with {@code javac -parameters} (Maven:
 * {@code <maven.compiler.parameters>true</maven.compiler.parameters>}); without it a name fails the deployment
 * with a message that names the flag and the positional form.</li>
 * </ul>
 * Both forms may be mixed in one template. Each {@code property} is read with a public no-argument accessor
 * {@code property()}, {@code getProperty()} or {@code isProperty()} of the static type reached so far.
 * {@code {{} and {@code }}} stand for literal braces. A value is inserted with
 * {@link java.lang.String#valueOf(Object)}; a {@code null} value fails the call with
 * {@link java.lang.IllegalArgumentException} naming the expression. Unknown parameter names, positions beyond
 * the method's parameters, unknown properties and unbalanced braces fail the deployment. Examples:
 * {@code "order-{order.id}-{region}"}, {@code "order-{0.id}-{1}"}.
 */
package org.gogoscope.api.annotation;
