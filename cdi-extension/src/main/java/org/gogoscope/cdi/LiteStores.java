package org.gogoscope.cdi;

import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.EventContext;
import java.util.Arrays;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The run-time half of {@link GogoscopeBuildExtension}: the application's one {@link StoreDeployment}, planned from
 * the run-time configuration and the injection points the build found, and started (validated and connected) the
 * first time something needs it: the {@code Startup} observer, or a bean created before it. The nested classes are
 * public because the container instantiates them from generated code.
 */
public final class LiteStores {

    static final String KIND = "kind";
    static final String STORE = "store";
    static final String USAGES = "usages";

    private static StoreDeployment current;

    private LiteStores() {
    }

    /** The started deployment, planned and started now if it is not yet. */
    static synchronized StoreDeployment started(String[] usages) {
        if (current == null) {
            StoreDeployment deployment = StoreDeployment.plan(ConfigProvider.getConfig(),
                    Arrays.stream(usages).map(StoreUsage::decode).toList());
            deployment.start(CDI.current().getBeanManager());
            current = deployment;
        }
        return current;
    }

    static synchronized void stop() {
        if (current != null) {
            current.stop();
            current = null;
        }
    }

    /** Creates the provider bean of one kind and store. */
    public static final class Creator implements SyntheticBeanCreator<Object> {
        @Override
        public Object create(Instance<Object> lookup, Parameters params) {
            return started(params.get(USAGES, String[].class)).registry()
                    .bean(ProviderKind.valueOf(params.get(KIND, String.class)), params.get(STORE, String.class));
        }
    }

    /** Connects the stores at start-up, before the application's own observers of default priority. */
    public static final class OnStartup implements SyntheticObserver<Startup> {
        @Override
        public void observe(EventContext<Startup> event, Parameters params) {
            started(params.get(USAGES, String[].class));
        }
    }

    /** Disconnects every store at shutdown. */
    public static final class OnShutdown implements SyntheticObserver<Shutdown> {
        @Override
        public void observe(EventContext<Shutdown> event, Parameters params) {
            stop();
        }
    }
}
