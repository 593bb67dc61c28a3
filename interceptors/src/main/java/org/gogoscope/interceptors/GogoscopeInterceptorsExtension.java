package org.gogoscope.interceptors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;

/**
 * Binds the interceptors to annotated methods and validates every annotation at deployment.
 * <ol>
 *   <li>{@code BeforeBeanDiscovery}: adds the interceptors and their helper beans, so the jar needs no
 *       {@code beans.xml}.</li>
 *   <li>{@code ProcessAnnotatedType} (before other extensions): adds the internal binding to {@code @Locked} and
 *       {@code @Idempotent} methods and to shared {@code @CircuitBreaker} methods, and switches the host's own
 *       breaker off for the latter.</li>
 *   <li>{@code ProcessManagedBean}: checks each annotation (key templates, durations, JSON round trip,
 *       MicroProfile breaker parameters) and reports each problem as a definition error naming annotation,
 *       member and method.</li>
 *   <li>{@code AfterDeploymentValidation}: checks that a provider bean exists for every store used.</li>
 * </ol>
 */
public class GogoscopeInterceptorsExtension implements Extension {

    private static final List<Class<?>> BEANS = List.of(LockedInterceptor.class, IdempotentInterceptor.class,
            SharedCircuitBreakerInterceptor.class, OuterSharedCircuitBreakerInterceptor.class, Providers.class, ThreadLockContext.class, BreakerRegistry.class);

    /** The {@code CircuitBreaker/enabled=false} properties this deployment added (a list: counted). */
    private final List<String> hostBreakersOff = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Provider type -> store name -> first method that needs it. */
    private final Map<Type, Map<String, String>> needed = new ConcurrentHashMap<>();

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager manager) {
        for (Class<?> type : BEANS) {
            event.addAnnotatedType(manager.createAnnotatedType(type), "gogoscope-interceptors-" + type.getName());
        }
    }

    <T> void bind(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @WithAnnotations({Locked.class,
            Idempotent.class, CircuitBreaker.class, SharedCircuitBreaker.class}) ProcessAnnotatedType<T> event) {
        AnnotatedTypeConfigurator<T> type = event.configureAnnotatedType();
        AnnotatedType<T> annotated = type.getAnnotated();
        Class<T> beanClass = annotated.getJavaClass();
        boolean shareAll = MpConfig.current().shareAll();
        for (AnnotatedMethodConfigurator<? super T> method : type.methods()) {
            AnnotatedMethod<? super T> member = method.getAnnotated();
            Method java = member.getJavaMember();
            if (member.isAnnotationPresent(Locked.class)) {
                method.add(LockedBinding.Literal.INSTANCE);
            }
            if (member.isAnnotationPresent(Idempotent.class)) {
                method.add(IdempotentBinding.Literal.INSTANCE);
            }
            if (isSharedBreaker(annotated, member, shareAll)) {
                method.add(wrapsRetryOrFallback(annotated, member) ? SharedBreakerBinding.Literal.INSTANCE
                        : SharedBreakerOuterBinding.Literal.INSTANCE);
                hostBreakersOff.addAll(SharedBreakerConfigSource.disableHostBreaker(beanClass, java));
            }
        }
    }

    /** Retry and Fallback must wrap the breaker, so then it goes inside the host's interceptor. */
    private static boolean wrapsRetryOrFallback(AnnotatedType<?> type, AnnotatedMethod<?> method) {
        return method.isAnnotationPresent(Retry.class) || method.isAnnotationPresent(Fallback.class)
                || type.isAnnotationPresent(Retry.class) || type.isAnnotationPresent(Fallback.class);
    }

    private static boolean isSharedBreaker(AnnotatedType<?> type, AnnotatedMethod<?> method, boolean shareAll) {
        Method java = method.getJavaMember();
        if (Modifier.isStatic(java.getModifiers()) || Modifier.isPrivate(java.getModifiers())
                || java.getDeclaringClass() == Object.class) {
            return false;
        }
        boolean onMethod = method.isAnnotationPresent(CircuitBreaker.class);
        boolean onClass = type.getJavaClass().isAnnotationPresent(CircuitBreaker.class)
                || java.getDeclaringClass().isAnnotationPresent(CircuitBreaker.class);
        if (!onMethod && !onClass) {
            return false;
        }
        return shareAll || method.isAnnotationPresent(SharedCircuitBreaker.class)
                || type.isAnnotationPresent(SharedCircuitBreaker.class);
    }

    <T> void validate(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            Method java = method.getJavaMember();
            try {
                Locked locked = method.getAnnotation(Locked.class);
                if (locked != null) {
                    LockedPlan.of(locked, java);
                    need(LockProvider.class, locked.store(), java);
                }
                Idempotent idempotent = method.getAnnotation(Idempotent.class);
                if (idempotent != null) {
                    IdempotentPlan.of(idempotent, java);
                    need(IdempotencyProvider.class, idempotent.store(), java);
                }
                Class<?> beanClass = event.getBean().getBeanClass();
                if (method.isAnnotationPresent(SharedCircuitBreaker.class) && !java.isAnnotationPresent(
                        CircuitBreaker.class) && !beanClass.isAnnotationPresent(CircuitBreaker.class)
                        && !java.getDeclaringClass().isAnnotationPresent(CircuitBreaker.class)) {
                    throw new InvalidAnnotationException("SharedCircuitBreaker", null, java,
                            "needs a MicroProfile @CircuitBreaker on the method or its class");
                }
                if (method.isAnnotationPresent(SharedBreakerBinding.class)
                        || method.isAnnotationPresent(SharedBreakerOuterBinding.class)) {
                    BreakerPolicy policy = BreakerPolicy.of(beanClass, java, MpConfig.current());
                    need(CircuitBreakerStateProvider.class, policy.store(), java);
                }
            } catch (IllegalArgumentException e) {
                // MicroProfile's own type for bad Fault Tolerance parameters, as the host would report them
                event.addDefinitionError(e.getMessage().startsWith("Invalid @CircuitBreaker")
                        ? new FaultToleranceDefinitionException(e.getMessage(), e) : e);
            }
        }
    }

    private void need(Type provider, String store, Method method) {
        needed.computeIfAbsent(provider, k -> new TreeMap<>()).putIfAbsent(store, MethodNames.of(method));
    }

    void checkProviders(@Observes AfterDeploymentValidation event, BeanManager manager) {
        needed.forEach((provider, stores) -> stores.forEach((store, method) -> {
            if (manager.getBeans(provider, Providers.qualifier(store)).isEmpty()) {
                event.addDeploymentProblem(new DeploymentException("No " + ((Class<?>) provider).getSimpleName()
                        + " bean " + (store.isEmpty() ? "(@Default)" : "@Store(\"" + store + "\")") + " for "
                        + method + ": add gogoscope-cdi and configure gogoscope.store.*, or produce one"));
            }
        }));
    }

    void shutdown(@Observes jakarta.enterprise.inject.spi.BeforeShutdown event) {
        SharedBreakerConfigSource.release(hostBreakersOff);
        hostBreakersOff.clear();
    }
}
