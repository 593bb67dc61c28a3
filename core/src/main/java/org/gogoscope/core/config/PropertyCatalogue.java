package org.gogoscope.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every property the modules on a class path read, from their {@link PropertySet}s. It answers two questions:
 * what the README's property table must say ({@link #markdownTable}, checked by a test), and whether a
 * {@code gogoscope.*} name a user set is read by anything ({@link #lookUp}, so a typo gets a warning naming the
 * closest property).
 */
public final class PropertyCatalogue {

    /** Where every property name starts. */
    public static final String NAMESPACE = "gogoscope.";
    /** Where store properties start: {@code gogoscope.store.<name>.}. */
    public static final String STORE_NAMESPACE = "gogoscope.store.";

    private final Map<String, List<Property<?>>> byModule;

    private PropertyCatalogue(Map<String, List<Property<?>>> byModule) {
        this.byModule = byModule;
    }

    /** The property sets visible to {@code loader} (and to this class's own loader). */
    public static PropertyCatalogue load(ClassLoader loader) {
        Map<String, List<Property<?>>> modules = new TreeMap<>(Comparator.comparing(PropertyCatalogue::moduleOrder)
                .thenComparing(Comparator.naturalOrder()));
        for (ClassLoader each : new ClassLoader[] {loader, PropertyCatalogue.class.getClassLoader()}) {
            try {
                for (PropertySet set : ServiceLoader.load(PropertySet.class, each)) {
                    modules.putIfAbsent(set.module(), List.copyOf(set.properties()));
                }
            } catch (ServiceConfigurationError e) {
                // a module that cannot be loaded reads nothing; the backends' own loading reports it
            }
        }
        return new PropertyCatalogue(modules);
    }

    /** Core first, then the backends, then the CDI layer, then anything else. */
    private static int moduleOrder(String module) {
        List<String> order = List.of("gogoscope-core", "gogoscope-jpa", "gogoscope-redis", "gogoscope-mongodb",
                "gogoscope-cdi", "gogoscope-interceptors");
        int index = order.indexOf(module);
        return index < 0 ? order.size() : index;
    }

    /** Module name to its properties, in documentation order. */
    public Map<String, List<Property<?>>> byModule() {
        return new LinkedHashMap<>(byModule);
    }

    /** Every property. */
    public List<Property<?>> all() {
        List<Property<?>> all = new ArrayList<>();
        byModule.values().forEach(all::addAll);
        return all;
    }

    /** What a {@code gogoscope.*} property name is to the library. */
    public sealed interface Lookup {
        /** Read by {@code property}. */
        record Known(Property<?> property) implements Lookup {
        }

        /** Read by nothing; {@code closest} is the most similar name that is read, if any is close. */
        record Unknown(Optional<String> closest) implements Lookup {
        }
    }

    /**
     * Whether {@code fullName} (a name in {@link #NAMESPACE}) is read by a property here. A store property counts
     * for any store; a backend's property only for a store on that backend ({@code backend} may be null when not
     * known).
     */
    public Lookup lookUp(String fullName, String backend) {
        String relative = null;
        String store = null;
        if (fullName.startsWith(STORE_NAMESPACE)) {
            int dot = fullName.indexOf('.', STORE_NAMESPACE.length());
            if (dot > 0) {
                store = fullName.substring(STORE_NAMESPACE.length(), dot);
                relative = fullName.substring(dot + 1);
            }
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (Property<?> property : all()) {
            boolean storeScoped = property.scope() == Property.Scope.STORE;
            String candidate = storeScoped ? relative : fullName;
            if (candidate == null) {
                continue;
            }
            boolean forBackend = !storeScoped || backend == null || property.backends().isEmpty()
                    || property.backends().contains(backend);
            List<String> names = new ArrayList<>(property.oldNames());
            names.add(property.name());
            for (String name : names) {
                if (name.equals(candidate) && forBackend) {
                    return new Lookup.Known(property);
                }
                int distance = distance(name, candidate);
                if (forBackend && distance < best) {
                    best = distance;
                    closest = storeScoped ? STORE_NAMESPACE + store + "." + property.name() : property.name();
                }
            }
        }
        boolean close = closest != null && best <= Math.max(2, closest.length() / 8);
        return new Lookup.Unknown(close ? Optional.of(closest) : Optional.empty());
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The README's property table: one row per property with its name, backends, type, default and meaning, in
     * module order.
     */
    public String markdownTable() {
        StringBuilder out = new StringBuilder();
        out.append("| property | read by | type | default | meaning |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, List<Property<?>>> module : byModule.entrySet()) {
            for (Property<?> property : module.getValue()) {
                String readBy = property.backends().isEmpty() ? module.getKey()
                        : module.getKey() + " (" + String.join(", ", property.backends().stream().sorted().toList())
                                + ")";
                String type = property.type() + property.constraint().map(c -> ", " + c).orElse("");
                String meaning = property.meaning() + (property.oldNames().isEmpty() ? ""
                        : " Formerly `" + String.join("`, `", property.oldNames()) + "`.");
                out.append("| `").append(property.documentedName()).append("` | ").append(readBy).append(" | ")
                        .append(type).append(" | ").append(property.defaultText()).append(" | ").append(meaning)
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** Prints {@link #markdownTable} for the class path it runs on (to regenerate the README's table). */
    public static void main(String[] args) {
        System.out.print(load(Thread.currentThread().getContextClassLoader()).markdownTable());
    }
}
