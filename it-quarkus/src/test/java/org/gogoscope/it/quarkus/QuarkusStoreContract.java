package org.gogoscope.it.quarkus;

import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import org.gogoscope.it.common.StoreContract;

/**
 * {@link StoreContract} on Quarkus: unchanged, except that its concurrent container threads come from Quarkus' own
 * managed executor (Quarkus has no Jakarta Concurrency, so no {@code java:comp/DefaultManagedExecutorService}).
 * Each subclass is one {@code @QuarkusTest} with one {@code @TestProfile} configuring one backend.
 */
abstract class QuarkusStoreContract extends StoreContract {

    @Inject
    ExecutorService quarkusExecutor;

    @Override
    protected ExecutorService executor() {
        return quarkusExecutor;
    }
}
