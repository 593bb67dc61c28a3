package org.gogoscope.it.liberty;

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
 * No leak on redeploy, on Open Liberty: {@link CycleServlet}'s application is deployed, exercised and undeployed
 * {@code it.redeploy.cycles} times (5 in the build, 20 by hand) while {@link JvmServlet}'s reports the server's
 * threads and loaded classes ({@link RedeployCheck}).
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
        return Deployments.war("observer", "gogoscope.store.default.backend=memory\n", JvmServlet.class, ClassLoaders.class);
    }

    @Deployment(name = "cycle", managed = false, testable = false)
    static WebArchive cycle() {
        return Deployments.war("cycle", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=jdbc/GogoPostgres
                gogoscope.store.default.key-prefix=%1$s
                gogoscope.store.default.purge.interval=1s
                gogoscope.store.redis.backend=redis
                gogoscope.store.redis.redis.uri=redis://127.0.0.1:6379
                gogoscope.store.redis.key-prefix=%1$s
                """.formatted(Deployments.uniquePrefix("redeploy")), CycleServlet.class, CycleWork.class,
                ClassLoaders.class);
    }

    @Test
    void deployingExercisingAndUndeployingAgainAndAgainLeavesNoThreadAndNoClassBehind() throws Exception {
        URL app = new URL(observer.toString().replace("/observer/", "/cycle/"));
        RedeployCheck.run(CYCLES, new RedeployCheck.Server(() -> deployer.deploy("cycle"),
                () -> Http.post(app, "exercise"), () -> deployer.undeploy("cycle"), () -> Http.get(observer, "jvm")));
    }
}
