package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gogoscope.api.LockProvider;

/** A bean with an unqualified provider injection point, so the default store is used and connected at deployment. */
@ApplicationScoped
public class LockUser {

    @Inject
    LockProvider locks;
}
