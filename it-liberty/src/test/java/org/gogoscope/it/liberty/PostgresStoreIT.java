package org.gogoscope.it.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.gogoscope.it.common.Http;

import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code postgresql} through Liberty's transactional dataSource {@code jdbc/GogoPostgres}
 * (server.xml: PostgreSQL 127.0.0.1:5432 database test, the driver in a shared library). The application
 * configures only the JNDI name. The server has no JPA feature and the WAR no JPA provider: the library needs
 * neither.
 */
@ExtendWith(ArquillianExtension.class)
class PostgresStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.storeWar(PostgresStoreIT.class, "postgresql",
                "gogoscope.store.default.datasource=jdbc/GogoPostgres");
    }

    @Override
    protected String expectedBackend() {
        return "postgresql";
    }

    /**
     * The store above works although the application can load neither the Jakarta Persistence API nor a JPA
     * provider (not Liberty's EclipseLink, not Hibernate): gogoscope-jpa runs plain JDBC on the dataSource.
     */
    @Test
    void noJpaProviderIsNeeded() {
        ClassLoader application = PostgresStoreIT.class.getClassLoader();
        for (String type : new String[] {"jakarta.persistence.EntityManager",
                "org.eclipse.persistence.jpa.PersistenceProvider", "org.hibernate.SessionFactory"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(type, false, application),
                    type + " is visible to the application, so this test does not show what it should");
        }
        assertEquals("postgresql", adapter.backend());
        assertEquals(1, breakers.recordFailure("no-jpa", 5));
    }

    /**
     * Liberty's MicroProfile Health endpoint {@code /health/ready} (client side, over HTTP) reports the
     * extension's readiness check of this application's store, UP.
     */
    @Test
    @RunAsClient
    void libertysReadinessEndpointReportsTheStore() throws Exception {
        Http.Reply ready = Http.get(new URL("http://127.0.0.1:" + System.getProperty("liberty.http.port")),
                "health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"gogoscope-store-default\""), ready.body());
        assertTrue(ready.body().contains("\"postgresql\""), ready.body());
    }
}
