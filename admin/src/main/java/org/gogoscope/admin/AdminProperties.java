package org.gogoscope.admin;

import java.util.List;
import org.gogoscope.core.config.Property;
import org.gogoscope.core.config.PropertySet;

/** The operator page's properties. */
public final class AdminProperties implements PropertySet {

    public static final Property<String> ROLE = Property.text("gogoscope.admin.role").global()
            .defaultValue("gogoscope-admin", "`gogoscope-admin`")
            .meaning("The role a caller needs for the operator's page (`gogoscope-admin` module); anyone else gets "
                    + "401 or 403 and changes nothing.");

    public static final Property<Integer> PAGE_SIZE = Property.integer("gogoscope.admin.page-size").global()
            .defaultValue(50, "`50`").must(n -> n >= 1 && n <= 1000, "1 to 1000")
            .meaning("How many stored records each section of the operator's page reads per request; the section "
                    + "links to its next page.");

    @Override
    public String module() {
        return "gogoscope-admin";
    }

    @Override
    public List<Property<?>> properties() {
        return List.of(ROLE, PAGE_SIZE);
    }
}
