package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A wrong configuration fails the deployment on WildFly itself (not the first request), and WildFly's
 * deployment failure carries the extension's message naming the property.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentErrorIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "typo", managed = false, testable = false)
    static WebArchive typo() {
        return Deployments.war("typo", """
                gogoscope.store.default.backend=postgress
                """, LockUser.class);
    }

    @Deployment(name = "missing-datasource", managed = false, testable = false)
    static WebArchive missingDataSource() {
        return Deployments.war("missing-datasource", """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:jboss/datasources/NoSuchDataSource
                """, LockUser.class);
    }

    @Test
    void anUnknownBackendFailsTheDeploymentNamingTheProperty() {
        String message = assertThrows(Exception.class, () -> deployer.deploy("typo")).getMessage();
        assertTrue(message.contains("Unknown backend 'postgress' in gogoscope.store.default.backend"), message);
    }

    @Test
    void aMissingDataSourceFailsTheDeploymentNamingTheStore() {
        String message = assertThrows(Exception.class, () -> deployer.deploy("missing-datasource")).getMessage();
        assertTrue(message.contains("gogoscope.store.default"), message);
        assertTrue(message.contains("java:jboss/datasources/NoSuchDataSource"), message);
    }
}
