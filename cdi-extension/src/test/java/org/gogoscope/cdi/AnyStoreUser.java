package org.gogoscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.gogoscope.api.LockProvider;

/** Selects stores at run time, so every known store counts as used. */
@Dependent
public class AnyStoreUser {

    @Inject
    @Any
    Instance<LockProvider> locks;
}
