package org.gogoscope.interceptors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.MethodConfig;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.AnnotationTarget;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gogoscope.api.annotation.Idempotent;
import org.gogoscope.api.annotation.Locked;
import org.gogoscope.api.annotation.SharedCircuitBreaker;
import org.gogoscope.core.spi.CdiLite;
import org.gogoscope.interceptors.breaker.FaultToleranceSupport;
import org.gogoscope.interceptors.breaker.HostFaultTolerance;
import org.gogoscope.interceptors.breaker.SharedBreakerBinding;
import org.gogoscope.interceptors.breaker.SharedBreakerOuterBinding;
import org.gogoscope.interceptors.idempotent.IdempotentBinding;
import org.gogoscope.interceptors.locked.LockedBinding;

/**
 * {@link GogoscopeInterceptorsExtension} for CDI Lite containers, which run build compatible extensions and no
 * portable ones (Quarkus' ArC), step for step:
 * <ol>
 *   <li>{@link Discovery}: adds the interceptors, their helper beans and their binding annotations, so the jar
 *       needs neither {@code beans.xml} nor an index.</li>
 *   <li>{@link Enhancement}: gives the shared breaker's two interceptors the priorities right around the host's
 *       Fault Tolerance interceptor ({@link HostFaultTolerance}, from the configuration the build sees), and adds the
 *       internal bindings to {@code @Locked}, {@code @Idempotent} and shared {@code @CircuitBreaker} methods. The
 *       host's own breaker of a shared method is switched off by {@code SharedBreakerConfigSource}, which on ArC
 *       decides by itself (Quarkus reads those switches before any CDI observer runs).</li>
 *   <li>{@link Registration}: checks every annotation of every bean class with the same checks
 *       ({@link MethodChecks}), each problem a build error naming annotation, member and method.</li>
 *   <li>{@link Synthesis}: an observer of {@code Startup} checks that a provider bean exists for every store used
 *       ({@link ProviderCheck}): the providers are synthetic beans of another extension, not visible at build
 *       time.</li>
 * </ol>
 * A CDI Full container runs the portable extension and {@link SkipIfPortableExtensionPresent skips} this one.
 */
@SkipIfPortableExtensionPresent(GogoscopeInterceptorsExtension.class)
public class GogoscopeInterceptorsBuildExtension implements BuildCompatibleExtension {

    private static final String RETRY = "org.eclipse.microprofile.faulttolerance.Retry";
    private static final String FALLBACK = "org.eclipse.microprofile.faulttolerance.Fallback";
    private static final String CIRCUIT_BREAKER = "org.eclipse.microprofile.faulttolerance.CircuitBreaker";

    private static final List<Class<?>> BINDINGS = List.of(LockedBinding.class, IdempotentBinding.class,
            SharedBreakerBinding.class, SharedBreakerOuterBinding.class);

    private final Set<String> needed = new TreeSet<>();
    private Map<String, Integer> priorities = Map.of();

    @Discovery
    public void addBeans(ScannedClasses scan) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        List<Class<?>> beans = new ArrayList<>(GogoscopeInterceptorsExtension.BEANS);
        if (GogoscopeInterceptorsExtension.FAULT_TOLERANCE) {
            beans.addAll(FaultToleranceSupport.beans());
            Map<String, Integer> byName = new java.util.HashMap<>();
            FaultToleranceSupport.interceptorPriorities(HostFaultTolerance.interceptorPriority(MpConfig.current()))
                    .forEach((type, priority) -> byName.put(type.getName(), priority));
            priorities = byName;
        }
        beans.addAll(BINDINGS);
        beans.forEach(type -> scan.add(type.getName()));
    }

    @Enhancement(types = Object.class, withSubtypes = true)
    public void bind(ClassConfig type) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        Integer priority = priorities.get(type.info().name());
        if (priority != null) {
            type.removeAnnotation(annotation -> annotation.name().equals(Priority.class.getName()));
            type.addAnnotation(HostFaultTolerance.priority(priority));
        }
        boolean shareAll = GogoscopeInterceptorsExtension.FAULT_TOLERANCE && MpConfig.current().shareAll();
        for (MethodConfig method : type.methods()) {
            MethodInfo info = method.info();
            if (info.hasAnnotation(Locked.class)) {
                method.addAnnotation(LockedBinding.class);
            }
            if (info.hasAnnotation(Idempotent.class)) {
                method.addAnnotation(IdempotentBinding.class);
            }
            if (GogoscopeInterceptorsExtension.FAULT_TOLERANCE && isSharedBreaker(type, info, shareAll)) {
                method.addAnnotation(has(info, RETRY) || has(info, FALLBACK) || has(type.info(), RETRY)
                        || has(type.info(), FALLBACK) ? SharedBreakerBinding.class : SharedBreakerOuterBinding.class);
            }
        }
    }

    /** {@link FaultToleranceSupport#isSharedBreaker} on the build-time model. */
    private static boolean isSharedBreaker(ClassConfig type, MethodInfo method, boolean shareAll) {
        if (method.isStatic() || Modifier.isPrivate(method.modifiers()) || method.isConstructor()) {
            return false;
        }
        boolean breaker = has(method, CIRCUIT_BREAKER) || has(type.info(), CIRCUIT_BREAKER);
        boolean shared = method.hasAnnotation(SharedCircuitBreaker.class)
                || type.info().hasAnnotation(SharedCircuitBreaker.class);
        return breaker && (shareAll || shared);
    }

    private static boolean has(AnnotationTarget target, String annotation) {
        return target.hasAnnotation((AnnotationInfo info) -> info.name().equals(annotation));
    }

    @Registration(types = Object.class)
    public void validate(BeanInfo bean, Messages messages) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        if (!bean.isClassBean()) {
            return;
        }
        Class<?> beanClass;
        try {
            beanClass = Class.forName(bean.declaringClass().name(), false,
                    Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // nothing this jar can check (the container reports a class it cannot load)
        }
        MethodChecks.check(beanClass, needed::add, messages::error);
    }

    @Synthesis
    public void checkProviders(SyntheticComponents components) {
        if (!CdiLite.ON_ARC) {
            return; // a CDI Full container: the portable extension is in charge
        }
        components.addObserver(Startup.class).observeWith(ProviderCheck.class)
                .withParam(ProviderCheck.NEEDED, needed.toArray(String[]::new));
    }
}
