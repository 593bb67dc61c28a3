package org.gogoscope.demo.service;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether an {@code @Idempotent} method body really ran during this HTTP request. When {@code @Idempotent}
 * replays a stored result the body does not run, so the resource can tell a replay from a first call.
 */
@RequestScoped
public class Execution {

    private boolean ran;

    public void ran() {
        ran = true;
    }

    public boolean hasRun() {
        return ran;
    }
}
