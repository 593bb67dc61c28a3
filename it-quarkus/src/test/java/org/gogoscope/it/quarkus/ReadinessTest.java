package org.gogoscope.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The store's readiness check reaches Quarkus' own health endpoint: {@code /q/health/ready} (SmallRye Health) lists
 * {@code gogoscope-store-default} as UP with its backend, on PostgreSQL through the default DataSource bean.
 */
@QuarkusTest
@TestProfile(Profiles.Postgres.class)
class ReadinessTest {

    @Test
    void theHealthEndpointReportsTheStoreUp() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body().replaceAll("\\s", "");
        assertEquals(200, response.statusCode(), body);
        assertTrue(body.contains("\"name\":\"gogoscope-store-default\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"backend\":\"postgresql\""), body);
    }
}
