package org.gogoscope.it.wildfly;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockProvider;

/**
 * {@code POST /api/commit/{key}} runs {@link SlowCommit} on a managed thread and reports the lock while its
 * transaction commits and after: {@code during=<holder or free> after=<holder or free>}.
 */
@ApplicationPath("api")
public class CommitApi extends Application {

    @Path("commit/{key}")
    @ApplicationScoped
    public static class Commit {
        @Inject
        SlowCommit job;

        @Inject
        LockProvider locks;

        @Resource
        ManagedExecutorService executor;

        @POST
        @Produces(MediaType.TEXT_PLAIN)
        public String commit(@PathParam("key") String key) throws Exception {
            CountDownLatch committing = new CountDownLatch(1);
            CountDownLatch looked = new CountDownLatch(1);
            Future<?> call = executor.submit(() -> job.run(key, committing, looked));
            if (!committing.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the commit never began");
            }
            String during = state(key);
            looked.countDown();
            call.get(10, TimeUnit.SECONDS); // the EJB call returns once its transaction has completed
            return "during=" + during + " after=" + state(key);
        }

        private String state(String key) {
            return locks.inspect(key).map(LockInfo::owner).map(owner -> "held").orElse("free");
        }
    }
}
