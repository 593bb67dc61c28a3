package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.Store;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.lite.extension.translator.BuildCompatibleExtensionLoader;
import org.jboss.weld.lite.extension.translator.LiteExtensionTranslator;
import org.junit.jupiter.api.Test;

/**
 * The jar carries both extensions; a CDI Full container runs build compatible extensions too (Weld through its
 * lite extension translator, which WildFly, Payara, Open Liberty and Helidon add when a deployment has any). Weld
 * drops every build compatible extension marked {@code @SkipIfPortableExtensionPresent}, so with the translator in
 * place each bean is still registered exactly once, by the portable extension.
 */
class BuildCompatibleOnWeldTest {

    @Test
    void theBuildCompatibleExtensionIsListedButWeldSkipsIt() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        assertThat(ServiceLoader.load(BuildCompatibleExtension.class, loader).stream().map(ServiceLoader.Provider::type))
                .contains(GogoscopeBuildExtension.class);
        assertThat(BuildCompatibleExtensionLoader.getBuildCompatibleExtensions(loader))
                .doesNotContain(GogoscopeBuildExtension.class);
    }

    @Test
    void withTheTranslatorEachBeanIsRegisteredOnce() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "gogoscope.store.orders.backend", "memory"), "test", 500)).build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Weld weld = new Weld("gogoscope-bce-on-weld").disableDiscovery().addBeanClasses(AllProviders.class)
                .property("org.jboss.weld.executor.threadPoolType", "NONE").addExtension(new LiteExtensionTranslator());
        ServiceLoader.load(Extension.class, loader).forEach(weld::addExtension);
        try (WeldContainer container = weld.initialize()) {
            BeanManager beans = container.getBeanManager();
            assertThat(beans.getBeans(LockProvider.class)).hasSize(1);
            assertThat(beans.getBeans(LockProvider.class, Store.Literal.of("orders"))).hasSize(1);
            assertThat(beans.getBeans(LockProvider.class, Any.Literal.INSTANCE)).as("@Default, default, orders")
                    .hasSize(3);
            assertThat(container.select(AllProviders.class).get().locks.acquire("once", java.time.Duration.ofSeconds(5)))
                    .isPresent();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
