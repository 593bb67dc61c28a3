package org.gogoscope.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The operator page's {@link AdminProperties}, read once when the application starts: a value out of range (or
 * of the wrong form) fails the deployment with {@code GOGO-0102} naming the property, as every other property of
 * the library does, instead of failing each request; a value under a former name is logged with
 * {@code GOGO-0503}. Changing a value needs a restart, as for the stores' properties.
 */
@ApplicationScoped
public class AdminSettings {

    private static final System.Logger LOG = System.getLogger(AdminSettings.class.getName());

    private String role;
    private int pageSize;

    @PostConstruct
    void readConfiguration() {
        read(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    /** Creates the bean as the application starts, so that a bad value fails the deployment, not a request. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing to do: calling this method created the bean, which read and checked every property
    }

    /** Reads every property through {@code lookup} (a full name's value, empty when unset). */
    void read(Function<String, Optional<String>> lookup) {
        role = AdminProperties.ROLE.read(lookup, warning -> LOG.log(Level.WARNING, warning));
        pageSize = AdminProperties.PAGE_SIZE.read(lookup, warning -> LOG.log(Level.WARNING, warning));
    }

    /** {@code gogoscope.admin.role}: the role a caller needs. */
    public String role() {
        return role;
    }

    /** {@code gogoscope.admin.page-size}: records each section reads per request, 1 to 1000. */
    public int pageSize() {
        return pageSize;
    }
}
