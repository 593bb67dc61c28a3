package org.gogoscope.cdi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;

/**
 * Which stores an application has, decided once after bean discovery from the configuration and the injection
 * points.
 *
 * <ul>
 *   <li>A store is <em>known</em> when it has a property {@code gogoscope.store.<name>.*}, when an injection point
 *       or a routing property names it, or when it is {@code default}. Each known store gets beans, so that
 *       programmatic lookup works too, and its backend name is validated at deployment.</li>
 *   <li>A store is <em>used</em> when an injection point needs it: {@code @Store("x")}, an unqualified
 *       provider routed to it, an unqualified {@code PersistenceAdapter} ({@code default}), or
 *       {@code @Any Instance<...>} (every known store). Used stores are created and connected at deployment;
 *       the others only on their first lookup.</li>
 * </ul>
 */
final class StorePlan {

    private final SortedSet<String> known = new TreeSet<>();
    private final SortedSet<String> used = new TreeSet<>();
    private final SortedMap<String, List<String>> references = new TreeMap<>();
    private final Map<ProviderKind, String> routes = new EnumMap<>(ProviderKind.class);
    private final List<ConfigurationException> problems = new ArrayList<>();

    private StorePlan() {
    }

    static StorePlan of(GogoscopeConfig config, Collection<StoreUsage> usages) {
        StorePlan plan = new StorePlan();
        plan.known.add(ProviderKind.defaultStore());
        plan.known.addAll(config.configuredStores());
        for (ProviderKind kind : ProviderKind.values()) {
            String store;
            try {
                store = config.route(kind);
            } catch (ConfigurationException e) { // e.g. the former and the new name set to different stores
                plan.problems.add(e);
                store = ProviderKind.defaultStore();
            }
            if (kind.routingProperty().isPresent() && !store.equals(ProviderKind.defaultStore())) {
                String property = kind.routingProperty().get();
                if (plan.checkName(store, property, property + "='" + store + "'")) {
                    plan.reference(store, property + "='" + store + "'");
                }
            }
            plan.routes.put(kind, GogoscopeConfig.isValidStoreName(store) ? store : ProviderKind.defaultStore());
        }
        for (StoreUsage usage : usages) {
            plan.use(usage);
        }
        return plan;
    }

    private void use(StoreUsage usage) {
        if (usage.store().isPresent()) {
            String store = usage.store().get();
            String where = "@Store(\"" + store + "\") " + usage.where();
            if (checkName(store, "@Store", where)) {
                reference(store, where);
                used.add(store);
            }
        } else if (usage.anyStore()) {
            used.addAll(known);
        } else {
            String store = routes.get(usage.kind());
            reference(store, usage.where());
            used.add(store);
        }
    }

    private boolean checkName(String store, String property, String where) {
        if (GogoscopeConfig.isValidStoreName(store)) {
            return true;
        }
        problems.add(new ConfigurationException(MessageCode.INVALID_STORE_NAME, property, "Invalid store name '" + store + "' in " + where
                + ": a store name has only letters, digits, '_' and '-'"));
        return false;
    }

    private void reference(String store, String where) {
        known.add(store);
        references.computeIfAbsent(store, s -> new ArrayList<>()).add(where);
    }

    /** Every known store, sorted. */
    SortedSet<String> known() {
        return Collections.unmodifiableSortedSet(known);
    }

    /** The stores to create and connect at deployment. */
    SortedSet<String> used() {
        return Collections.unmodifiableSortedSet(used);
    }

    /** Where the store is referenced (injection points, routing properties), for messages. */
    List<String> references(String store) {
        return references.getOrDefault(store, List.of());
    }

    /** The store the unqualified bean of {@code kind} comes from. */
    String route(ProviderKind kind) {
        return routes.get(kind);
    }

    /** Problems found while planning (bad store names). */
    List<ConfigurationException> problems() {
        return Collections.unmodifiableList(problems);
    }
}
