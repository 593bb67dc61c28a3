package org.gogoscope.jaxrs;

import jakarta.ws.rs.Priorities;

/** What the mappers of this module share. */
public final class Mappers {

    /**
     * The {@code @Priority} of every mapper of this module: {@value}, after {@link Priorities#USER} (5000, the
     * priority of a provider without the annotation). Where the application has its own mapper for the same
     * exception type, JAX-RS chooses the one with the higher priority (the lower number): the application's.
     */
    public static final int PRIORITY = Priorities.USER + 100;

    private Mappers() {
    }
}
