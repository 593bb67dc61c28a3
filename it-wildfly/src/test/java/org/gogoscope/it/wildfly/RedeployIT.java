package org.gogoscope.it.wildfly;

import java.net.URL;
import org.gogoscope.it.common.ClassLoaders;
import org.gogoscope.it.common.CycleWork;
import org.gogoscope.it.common.Http;
import org.gogoscope.it.common.RedeployCheck;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No leak on redeploy: the same application ({@link CycleApp}: watchdog lock on Redis, shared breakers with a
 * {@code Future} and a {@code CompletionStage}, an idempotent call, a PostgreSQL store with its purge thread) is
 * deployed, exercised and undeployed {@code it.redeploy.cycles} times (5 in the build, 20 by hand); the server's
 * live threads and loaded classes, read after garbage collection by a second application, stay flat, and no
 * thread of the library outlives its application. A thread left running would pin its application's class
 * loader and every class of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final int CYCLES = Integer.getInteger("it.redeploy.cycles", 5);

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("observer")
    URL observer;

    @Deployment(name = "observer", testable = false)
    static WebArchive observer() {
        return Deployments.war("observer", "gogoscope.store.default.backend=memory\n", JvmApi.class, JvmApi.Jvm.class,
                ClassLoaders.class);
    }

    @Deployment(name = "cycle", managed = false, testable = false)
    static WebArchive cycle() {
        return Deployments.war("cycle", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
                gogoscope.store.default.key-prefix=%1$s
                gogoscope.store.default.purge.interval=1s
                gogoscope.store.redis.backend=redis
                gogoscope.store.redis.redis.uri=redis://127.0.0.1:6379
                gogoscope.store.redis.key-prefix=%1$s
                """.formatted(Deployments.uniquePrefix("redeploy")), CycleApp.class, CycleWork.class,
                CycleApp.Exercise.class, ClassLoaders.class);
    }

    @Test
    void deployingExercisingAndUndeployingAgainAndAgainLeavesNoThreadAndNoClassBehind() throws Exception {
        URL app = new URL(observer.toString().replace("/observer/", "/cycle/"));
        RedeployCheck.run(CYCLES, new RedeployCheck.Server(() -> deployer.deploy("cycle"),
                () -> Http.post(app, "api/exercise"), () -> deployer.undeploy("cycle"), () -> Http.get(observer, "api/jvm")));
    }
}
