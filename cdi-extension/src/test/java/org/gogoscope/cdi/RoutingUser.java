package org.gogoscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.api.Store;

/** Injects the unqualified cache and locks next to the same kinds of named stores, to observe routing. */
@Dependent
public class RoutingUser {

    @Inject
    CacheProvider cache;
    @Inject
    @Store("fast")
    CacheProvider fastCache;
    @Inject
    @Store("default")
    CacheProvider defaultCache;

    @Inject
    LockProvider locks;
    @Inject
    @Store("orders")
    LockProvider orderLocks;

    @Inject
    @Store("orders")
    PersistenceAdapter orders;
    @Inject
    @Store("fast")
    PersistenceAdapter fast;
    @Inject
    PersistenceAdapter defaultAdapter;
}
