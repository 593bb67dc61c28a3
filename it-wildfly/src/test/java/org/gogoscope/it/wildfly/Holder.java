package org.gogoscope.it.wildfly;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import org.gogoscope.api.annotation.Locked;

/** A long job of {@link UndeployIT}: holds its lock, kept alive by the watchdog, for two minutes. */
@ApplicationScoped
public class Holder {

    @Locked(key = "{key}", ttl = 30, watchdog = true)
    public void hold(String key, CountDownLatch entered) throws InterruptedException {
        entered.countDown();
        Thread.sleep(120_000);
    }
}
