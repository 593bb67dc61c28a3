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
 * expression  := parameterName ( "." property )*
 * </pre>
 * {@code parameterName} is the name of a parameter of the annotated method (compile with {@code -parameters});
 * each {@code property} is read with a public no-argument accessor {@code property()}, {@code getProperty()}
 * or {@code isProperty()} of the static type reached so far. {@code {{} and {@code }}} stand for literal
 * braces. A value is inserted with {@link java.lang.String#valueOf(Object)}; a {@code null} value fails the
 * call with {@link java.lang.IllegalArgumentException} naming the expression. Unknown parameter names or
 * properties, and unbalanced braces, fail the deployment. Example: {@code "order-{order.id}-{region}"}.
 */
package org.gogoscope.api.annotation;
