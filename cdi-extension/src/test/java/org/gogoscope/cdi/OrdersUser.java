package org.gogoscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.gogoscope.api.CacheProvider;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.Store;

/** An application bean that uses two named stores, {@code orders} for locks and {@code fast} for cache. */
@Dependent
public class OrdersUser {

    @Inject
    @Store("orders")
    LockProvider orderLocks;

    @Inject
    @Store("fast")
    CacheProvider fastCache;
}
