package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.gogoscope.it.common.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lock outlives the caller's transaction: {@code @Locked} on a stateless EJB method runs inside the container's
 * transaction (as on an EJB {@code @Schedule} timer), so the method has returned through the interceptor before the
 * commit. While that commit is held up (a synchronization's {@code beforeCompletion} waits for the test) the lock
 * is still held; once the commit is over it is free. On PostgreSQL, through a JTA DataSource.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallerTransactionIT {

    private static final String CONFIG = """
            gogoscope.store.default.backend=postgresql
            gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
            gogoscope.store.default.key-prefix=%s
            """.formatted(Deployments.uniquePrefix("caller-transaction"));

    @ArquillianResource
    URL application;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.war("commit", CONFIG, CommitApi.class, CommitApi.Commit.class, SlowCommit.class);
    }

    @Test
    void theLockOfACmtMethodIsHeldUntilItsTransactionHasCommitted() throws Exception {
        Http.Reply reply = Http.post(application, "api/commit/nightly-close");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("during=held after=free", reply.body().strip());
    }
}
