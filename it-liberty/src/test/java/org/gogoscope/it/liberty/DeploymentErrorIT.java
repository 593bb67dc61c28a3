package org.gogoscope.it.liberty;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gogoscope.it.common.Orders;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A wrong configuration makes Liberty fail to start the application (not the first request). The adapter's
 * exception carries only the first line of the extension's message, so the line naming the property is read
 * from Liberty's own report of the failure ({@code CWWKZ0002E} in the server's {@code messages.log}).
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
                """, Orders.class, Orders.Receipt.class);
    }

    @Test
    void anUnknownBackendFailsTheDeploymentNamingTheProperty() throws Exception {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("typo"));
        assertTrue(failure.getMessage().contains("Failed to deploy typo")
                && failure.getMessage().contains("go-go-scope configuration has 1 problem"), failure.getMessage());

        List<String> log = Files.readAllLines(messagesLog(), StandardCharsets.UTF_8);
        int report = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains("CWWKZ0002E") && log.get(i).contains("application typo")) {
                report = i;
            }
        }
        assertTrue(report >= 0 && report + 1 < log.size(), "Liberty did not report the failed start of typo");
        assertTrue(log.get(report + 1).contains("Unknown backend 'postgress' in gogoscope.store.default.backend"),
                log.get(report) + "\n" + log.get(report + 1));
    }

    private static Path messagesLog() {
        return Path.of(System.getProperty("wlp.home"), "usr", "servers", System.getProperty("liberty.server"),
                "logs", "messages.log");
    }
}
