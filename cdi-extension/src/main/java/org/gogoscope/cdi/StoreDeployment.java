package org.gogoscope.cdi;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.PropertyCatalogue;

/**
 * One deployment's stores, from planning to shutdown: the logic both extensions share, so that a CDI Full
 * container (the portable {@link GogoscopeExtension}) and a CDI Lite one (Quarkus, the build compatible
 * {@link GogoscopeBuildExtension}) plan, validate, connect and report exactly alike. Only when each step runs and
 * how its outcome reaches the container differ between the two.
 */
final class StoreDeployment {

    /** The portable extension's logger, where warnings have always been logged (and tests read them). */
    private static final System.Logger LOG = System.getLogger(GogoscopeExtension.class.getName());

    private final GogoscopeConfig config;
    private final StorePlan plan;
    private final StoreRegistry registry;
    private final ConfigurationException configProblem;

    private StoreDeployment(GogoscopeConfig config, StorePlan plan, StoreRegistry registry,
            ConfigurationException configProblem) {
        this.config = config;
        this.plan = plan;
        this.registry = registry;
        this.configProblem = configProblem;
    }

    /**
     * Plans the stores of {@code config} and {@code usages}, logging the configuration's warnings. A configuration
     * that cannot be planned is kept as the problem {@link #start} reports; then {@link #plan()} is null.
     */
    static StoreDeployment plan(Config config, Collection<StoreUsage> usages) {
        GogoscopeConfig gogoscope = new GogoscopeConfig(config);
        StorePlan plan;
        try {
            plan = StorePlan.of(gogoscope, List.copyOf(usages));
        } catch (ConfigurationException e) {
            return new StoreDeployment(gogoscope, null, null, e);
        } finally {
            gogoscope.warnings().forEach(warning -> LOG.log(System.Logger.Level.WARNING, warning));
        }
        gogoscope.unknownProperties(PropertyCatalogue.load(Thread.currentThread().getContextClassLoader()))
                .forEach(warning -> LOG.log(System.Logger.Level.WARNING, warning));
        return new StoreDeployment(gogoscope, plan, new StoreRegistry(gogoscope, Backends.discover()), null);
    }

    /** The plan; null when the configuration could not be planned (no beans are registered then). */
    StorePlan plan() {
        return plan;
    }

    /** The registry the beans are taken from; null when {@link #plan()} is. */
    StoreRegistry registry() {
        return registry;
    }

    /**
     * Validates every known store and connects the used ones, with the application's beans from {@code beans}.
     *
     * @throws DeploymentException listing every problem found, each also attached as a suppressed exception
     */
    void start(BeanManager beans) {
        config.useBeans(new CdiRuntimeBeans(beans));
        List<ConfigurationException> problems = configProblem != null ? List.of(configProblem)
                : registry.start(plan, TelemetryLookup.find(beans));
        if (!problems.isEmpty()) {
            throw deploymentProblem(problems);
        }
    }

    /** Disconnects every store; idempotent. */
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** One exception listing every problem, each also attached as a suppressed exception. */
    static DeploymentException deploymentProblem(List<ConfigurationException> problems) {
        StringBuilder message = new StringBuilder(MessageCode.DEPLOYMENT_FAILED.id()).append(": go-go-scope "
                + "configuration has ").append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(problems.get(i).getMessage());
        }
        DeploymentException exception = new DeploymentException(message.toString());
        problems.forEach(exception::addSuppressed);
        return exception;
    }
}
