package org.gogoscope.core.config;

import java.util.List;

/**
 * The properties one module reads, found through {@link java.util.ServiceLoader} (register the implementation in
 * {@code META-INF/services/org.gogoscope.core.config.PropertySet}). A third party's backend lists its own
 * properties the same way, and they then appear in {@link PropertyCatalogue} and are not reported as unknown.
 */
public interface PropertySet {

    /** The artifact that reads these properties, e.g. {@code gogoscope-jpa}. */
    String module();

    /** Every property the module reads, in the order the documentation lists them. */
    List<Property<?>> properties();
}
