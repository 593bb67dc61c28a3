package org.gogoscope.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.Store;

/**
 * Every store the deployment configures, by name, as the CDI extension registers them ({@code @Store(name)}
 * beans). Injecting {@code @Any Instance} tells the extension that any store may be used, so all are validated
 * and connected at deployment.
 */
@ApplicationScoped
public class OperatorStores {

    @Inject
    @Any
    Instance<PersistenceAdapter> adapters;

    /** Store name to its adapter, in name order. */
    public SortedMap<String, PersistenceAdapter> all() {
        SortedMap<String, PersistenceAdapter> stores = new TreeMap<>();
        for (Instance.Handle<PersistenceAdapter> handle : adapters.handles()) {
            for (Annotation qualifier : handle.getBean().getQualifiers()) {
                if (qualifier instanceof Store store) {
                    stores.put(store.value(), handle.get());
                }
            }
        }
        return stores;
    }
}
