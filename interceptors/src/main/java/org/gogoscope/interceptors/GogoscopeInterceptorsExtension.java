package org.gogoscope.interceptors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
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
import jakarta.interceptor.InterceptorBinding;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.IdempotencyProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;
import org.gogoscope.interceptors.breaker.FaultToleranceSupport;
import org.gogoscope.interceptors.breaker.HostFaultTolerance;
import org.gogoscope.interceptors.breaker.SharedBreakerBinding;
import org.gogoscope.interceptors.breaker.SharedBreakerConfigSource;
import org.gogoscope.interceptors.breaker.SharedBreakerOuterBinding;
import org.gogoscope.interceptors.idempotent.IdempotentBinding;
import org.gogoscope.interceptors.idempotent.IdempotentInterceptor;
import org.gogoscope.interceptors.idempotent.IdempotentPlan;
import org.gogoscope.interceptors.locked.LockedBinding;
import org.gogoscope.interceptors.locked.LockedCalls;
import org.gogoscope.interceptors.locked.LockedInterceptor;
import org.gogoscope.interceptors.locked.LockedPlan;
import org.gogoscope.interceptors.locked.ThreadLockContext;

/**
 * Binds the interceptors to annotated methods and validates every annotation at deployment.
 * <ol>
 *   <li>{@code BeforeBeanDiscovery}: adds the interceptors and their helper beans, so the jar needs no
 *       {@code beans.xml}. The shared breaker's two interceptors get priorities right around the host's Fault
 *       Tolerance interceptor ({@link HostFaultTolerance}).</li>
 *   <li>{@code AfterTypeDiscovery} (after the host's extensions): on Payara and Helidon, moves them around the
 *       host's interceptor in the ordered list.</li>
 *   <li>{@code ProcessAnnotatedType} (before other extensions): adds the internal binding to {@code @Locked} and
 *       {@code @Idempotent} methods and to shared {@code @CircuitBreaker} methods, and switches the host's own
 *       breaker off for the latter; where the breaker is the method's only Fault Tolerance annotation, the host's
 *       interceptor is not bound to it at all ({@link FaultToleranceSupport#onlyCircuitBreaker}).</li>
 *   <li>{@code ProcessManagedBean}: checks each annotation (key templates, durations, JSON round trip,
 *       MicroProfile breaker parameters) and reports each problem as a definition error naming annotation,
 *       member and method.</li>
 *   <li>{@code AfterDeploymentValidation}: checks that a provider bean exists for every store used.</li>
 * </ol>
 * The MicroProfile Fault Tolerance API is optional: without it (WildFly adds it only to deployments that use
 * a Fault Tolerance annotation) {@code @Locked} and {@code @Idempotent} work and the shared circuit breaker is
 * not installed. This class never links to the API; everything that does is reached through
 * {@link FaultToleranceSupport}, only when {@link #FAULT_TOLERANCE} is true.
 *
 * <p>Quarkus runs {@link GogoscopeInterceptorsBuildExtension} instead; a CDI Full container, which runs build
 * compatible extensions too, skips that one because this one is present.
 */
public class GogoscopeInterceptorsExtension implements Extension {

    /** Whether the MicroProfile Fault Tolerance API is visible to this jar's class loader (checked once). */
    static final boolean FAULT_TOLERANCE = visible("org.eclipse.microprofile.faulttolerance.CircuitBreaker");

    /** The interceptors and their helper beans (the shared breaker's come from {@link FaultToleranceSupport#beans()}). */
    static final List<Class<?>> BEANS = List.of(LockedInterceptor.class, IdempotentInterceptor.class,
            Providers.class, ThreadLockContext.class, LockedCalls.class);

    /** The {@code CircuitBreaker/enabled=false} properties this deployment added (a list: counted). */
    private final List<String> hostBreakersOff = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Provider type -> store name -> first method that needs it. */
    private final Map<Type, Map<String, String>> needed = new ConcurrentHashMap<>();

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, GogoscopeInterceptorsExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The shared breaker's two interceptors get priorities one below and one above the host's interceptor. */
    void addBeans(@Observes BeforeBeanDiscovery event) {
        List<Class<?>> beans = new ArrayList<>(BEANS);
        Map<Class<?>, Integer> priorities = Map.of();
        if (FAULT_TOLERANCE) {
            beans.addAll(FaultToleranceSupport.beans());
            priorities = FaultToleranceSupport.interceptorPriorities(
                    HostFaultTolerance.interceptorPriority(MpConfig.current()));
        }
        for (Class<?> type : beans) {
            AnnotatedTypeConfigurator<?> added = event.addAnnotatedType(type,
                    "gogoscope-interceptors-" + type.getName());
            Integer priority = priorities.get(type);
            if (priority != null) {
                added.remove(annotation -> annotation.annotationType() == Priority.class)
                        .add(HostFaultTolerance.priority(priority));
            }
        }
    }

    /** After the host's extensions (Payara inserts its Fault Tolerance interceptor here; see {@link HostFaultTolerance}). */
    void placeSharedBreaker(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) AfterTypeDiscovery event) {
        if (FAULT_TOLERANCE) {
            FaultToleranceSupport.placeAroundHost(event.getInterceptors());
        }
    }

    /**
     * {@code InterceptorBinding} (as a meta-annotation) selects the types with a {@code @CircuitBreaker}, which
     * is an interceptor binding, without naming the optional Fault Tolerance API here.
     */
    <T> void bind(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @WithAnnotations({Locked.class,
            Idempotent.class, SharedCircuitBreaker.class, InterceptorBinding.class}) ProcessAnnotatedType<T> event) {
        AnnotatedTypeConfigurator<T> type = event.configureAnnotatedType();
        AnnotatedType<T> annotated = type.getAnnotated();
        Class<T> beanClass = annotated.getJavaClass();
        boolean shareAll = FAULT_TOLERANCE && MpConfig.current().shareAll();
        boolean sharedType = annotated.isAnnotationPresent(SharedCircuitBreaker.class);
        for (AnnotatedMethodConfigurator<? super T> method : type.methods()) {
            AnnotatedMethod<? super T> member = method.getAnnotated();
            Method java = member.getJavaMember();
            if (member.isAnnotationPresent(Locked.class)) {
                method.add(LockedBinding.Literal.INSTANCE);
            }
            if (member.isAnnotationPresent(Idempotent.class)) {
                method.add(IdempotentBinding.Literal.INSTANCE);
            }
            if (FAULT_TOLERANCE && FaultToleranceSupport.isSharedBreaker(annotated, member, shareAll,
                    sharedType || member.isAnnotationPresent(SharedCircuitBreaker.class))) {
                method.add(FaultToleranceSupport.wrapsRetryOrFallback(annotated, member)
                        ? SharedBreakerBinding.Literal.INSTANCE
                        : SharedBreakerOuterBinding.Literal.INSTANCE);
                hostBreakersOff.addAll(SharedBreakerConfigSource.disableHostBreaker(beanClass, java));
                if (FaultToleranceSupport.onlyCircuitBreaker(annotated, member)) {
                    FaultToleranceSupport.unbindHost(method);
                }
            }
        }
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
                if (method.isAnnotationPresent(SharedCircuitBreaker.class) && !FAULT_TOLERANCE) {
                    throw new InvalidAnnotationException(MessageCode.SHARED_BREAKER_WITHOUT_BREAKER, "SharedCircuitBreaker",
                            null, java,
                            "needs a MicroProfile @CircuitBreaker on the method or its class, and the MicroProfile "
                                    + "Fault Tolerance API is not on the deployment's class path");
                }
                if (method.isAnnotationPresent(SharedCircuitBreaker.class)
                        && !FaultToleranceSupport.hasCircuitBreaker(beanClass, java)) {
                    throw new InvalidAnnotationException(MessageCode.SHARED_BREAKER_WITHOUT_BREAKER, "SharedCircuitBreaker",
                            null, java,
                            "needs a MicroProfile @CircuitBreaker on the method or its class");
                }
                if (method.isAnnotationPresent(SharedBreakerBinding.class)
                        || method.isAnnotationPresent(SharedBreakerOuterBinding.class)) {
                    need(CircuitBreakerStateProvider.class, FaultToleranceSupport.breakerStore(beanClass, java), java);
                }
            } catch (IllegalArgumentException e) {
                event.addDefinitionError(FAULT_TOLERANCE && e.getMessage().startsWith(MessageCode.INVALID_ANNOTATION.format("Invalid @CircuitBreaker"))
                        ? FaultToleranceSupport.definitionError(e) : e);
            }
        }
    }

    private void need(Type provider, String store, Method method) {
        needed.computeIfAbsent(provider, k -> new TreeMap<>()).putIfAbsent(store, MethodNames.of(method));
    }

    void checkProviders(@Observes AfterDeploymentValidation event, BeanManager manager) {
        needed.forEach((provider, stores) -> stores.forEach((store, method) -> {
            if (manager.getBeans(provider, Providers.qualifier(store)).isEmpty()) {
                event.addDeploymentProblem(noProvider((Class<?>) provider, store, method));
            }
        }));
    }

    /** The problem of a store an annotation uses and no provider bean serves. */
    static DeploymentException noProvider(Class<?> provider, String store, String method) {
        return new DeploymentException(MessageCode.NO_PROVIDER_BEAN.id() + ": No " + provider.getSimpleName()
                + " bean " + (store.isEmpty() ? "(@Default)" : "@Store(\"" + store + "\")") + " for "
                + method + ": add gogoscope-cdi and configure gogoscope.store.*, or produce one");
    }

    void shutdown(@Observes jakarta.enterprise.inject.spi.BeforeShutdown event) {
        SharedBreakerConfigSource.release(hostBreakersOff);
        hostBreakersOff.clear();
    }
}
