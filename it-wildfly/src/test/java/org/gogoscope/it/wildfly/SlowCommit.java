package org.gogoscope.it.wildfly;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.annotation.Locked;

/**
 * The job of {@link CallerTransactionIT}: a stateless EJB method in the container's transaction (CMT, REQUIRED) whose
 * commit does not finish until the test has looked at the lock. {@code @Locked}'s interceptor runs inside that
 * transaction, so its {@code proceed()} returns before the commit.
 */
@Stateless
public class SlowCommit {

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Locked(key = "{key}", ttl = 30)
    public void run(String key, CountDownLatch committing, CountDownLatch looked) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                committing.countDown(); // the method has returned through the interceptor; the commit begins
                try {
                    looked.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void afterCompletion(int status) {
                // nothing: the test reads the lock once the call has returned
            }
        });
    }
}
