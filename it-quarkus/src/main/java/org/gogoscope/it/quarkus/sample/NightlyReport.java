package org.gogoscope.it.quarkus.sample;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.gogoscope.api.annotation.CurrentLock;
import org.gogoscope.api.annotation.Locked;

/**
 * The tiny sample application of the README (JVM mode and dev mode): at start-up it runs a {@code @Locked} job once
 * and logs the lock's fencing token; {@code /q/health/ready} shows the store. Not started in the tests (the test
 * profiles configure their own stores).
 */
@ApplicationScoped
@UnlessBuildProfile("test")
public class NightlyReport {

    private static final System.Logger LOG = System.getLogger(NightlyReport.class.getName());

    @Inject
    CurrentLock lock;

    void onStart(@Observes StartupEvent event) {
        LOG.log(System.Logger.Level.INFO, "nightly report ran under fencing token " + run());
    }

    /** Runs on one node of the cluster at a time. */
    @Locked(key = "nightly-report", ttl = 30, ttlUnit = ChronoUnit.SECONDS)
    public long run() {
        return lock.fencingToken();
    }
}
