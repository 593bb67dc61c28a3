package org.gogoscope.it.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gogoscope.it.common.Http;
import org.gogoscope.it.common.StoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link StoreContract} on Helidon MP, plus what an application server shows through HTTP: Helidon's
 * {@code /health/ready} lists the store's readiness check. Helidon has no Jakarta Concurrency and injects no
 * {@code @Resource}: application code runs on virtual threads (one per request), so the concurrency test races
 * eight of them.
 */
abstract class HelidonStoreContract extends StoreContract {

    private ExecutorService threads;

    @Override
    protected ExecutorService executor() {
        threads = Executors.newVirtualThreadPerTaskExecutor();
        return threads;
    }

    @AfterEach
    void closeThreads() {
        if (threads != null) {
            threads.close();
        }
    }

    /** Helidon's MicroProfile Health endpoint, on the server {@code @HelidonTest} started: 200, the store UP. */
    @Test
    void helidonsReadinessEndpointReportsTheStore() throws Exception {
        int port = CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port();
        Http.Reply reply = Http.get(URI.create("http://127.0.0.1:" + port + "/").toURL(), "health/ready");
        assertEquals(200, reply.status(), reply.body());
        JsonObject health = Json.createReader(new StringReader(reply.body())).readObject();
        JsonObject store = health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("gogoscope-store-default")).findFirst()
                .orElseThrow(() -> new AssertionError("no gogoscope-store-default in " + reply.body()));
        assertEquals("UP", store.getString("status"), reply.body());
        assertEquals(expectedBackend(), store.getJsonObject("data").getString("backend"), reply.body());
        assertTrue(health.getString("status").equals("UP"), reply.body());
    }
}
