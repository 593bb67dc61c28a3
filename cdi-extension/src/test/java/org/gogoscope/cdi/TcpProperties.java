package org.gogoscope.cdi;

import java.util.List;
import java.util.Set;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.config.PropertySet;

/** The test backend's properties, declared as a third party's backend would declare its own. */
public final class TcpProperties implements PropertySet {

    static final Property<String> ADDRESS = Property.text("tcp.address").backends(Set.of("tcp"))
            .defaultShown("required").meaning("host:port of the test server.");
    static final Property<String> PASSWORD = Property.secret("tcp.password").backends(Set.of("tcp"))
            .meaning("Sent to nobody; there to test that secrets are hidden.");

    @Override
    public String module() {
        return "gogoscope-cdi tests";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(ADDRESS, PASSWORD);
    }
}
