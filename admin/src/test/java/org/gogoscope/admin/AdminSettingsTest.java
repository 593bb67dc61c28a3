package org.gogoscope.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The page's properties are read once, with the catalogue's defaults and range, and a bad value names itself; in a
 * container, when it starts (a bad value fails the start, not the first request).
 */
class AdminSettingsTest {

    private static AdminSettings read(Map<String, String> config) {
        AdminSettings settings = new AdminSettings();
        settings.read(name -> Optional.ofNullable(config.get(name)));
        return settings;
    }

    @Test
    void unsetPropertiesTakeTheirDefaults() {
        AdminSettings settings = read(Map.of());
        assertThat(settings.role()).isEqualTo("gogoscope-admin");
        assertThat(settings.pageSize()).isEqualTo(50);
    }

    @Test
    void setPropertiesAreRead() {
        AdminSettings settings = read(Map.of("gogoscope.admin.role", "ops", "gogoscope.admin.page-size", "1000"));
        assertThat(settings.role()).isEqualTo("ops");
        assertThat(settings.pageSize()).isEqualTo(1000);
    }

    @Test
    void aPageSizeOutOfRangeOrNotANumberIsAConfigurationErrorNamingTheProperty() {
        for (String bad : new String[] {"0", "1001", "ten"}) {
            assertThatThrownBy(() -> read(Map.of("gogoscope.admin.page-size", bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith(MessageCode.INVALID_VALUE.id())
                    .hasMessageContaining("gogoscope.admin.page-size").hasMessageContaining(bad);
        }
    }

    @Test
    void theContainerReadsThemWhenItStartsAndABadValueFailsTheStart() {
        try (WeldContainer container = weld(Map.of("gogoscope.admin.page-size", "20"))) {
            // the configuration is released once the container has started: the value was read at the start
            assertThat(container.select(AdminSettings.class).get().pageSize()).isEqualTo(20);
        }
        assertThatThrownBy(() -> weld(Map.of("gogoscope.admin.page-size", "0")).close())
                .hasStackTraceContaining(MessageCode.INVALID_VALUE.id())
                .hasStackTraceContaining("gogoscope.admin.page-size");
    }

    /** A started container with {@link AdminSettings} only, on {@code properties}. */
    private static WeldContainer weld(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test",
                500)).build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            return new Weld("admin-settings-" + properties.hashCode()).disableDiscovery()
                    .addBeanClasses(AdminSettings.class)
                    .property("org.jboss.weld.executor.threadPoolType", "NONE").initialize();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
