package org.gogoscope.api.annotation;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Opts a MicroProfile {@code @CircuitBreaker} method (or every {@code @CircuitBreaker} method of a class) in to
 * state shared by all nodes through the injected {@link org.gogoscope.api.CircuitBreakerStateProvider}. The
 * MicroProfile parameters and their configuration overrides keep their meaning; the rolling window, the state
 * and the half-open probe permits live in the backend. {@code gogoscope.circuit-breaker.shared=true} opts in
 * every {@code @CircuitBreaker} method of the deployment without this annotation.
 */
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface SharedCircuitBreaker {

    /** The breaker's name in the backend; empty = {@code <class name>.<method name>(<parameter types>)}. */
    String name() default "";

    /** The named store ({@code @Store}) whose provider keeps the state; empty = the default provider. */
    String store() default "";
}
