package org.gogoscope.it.wildfly;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.gogoscope.it.common.Http;

/**
 * Client of WildFly's MicroProfile Health endpoint {@code /health/ready} on a server's management interface (no
 * authentication in {@code standalone-microprofile.xml}): what a load balancer or Kubernetes probe would call.
 *
 * @param status the HTTP status: 200 when every check is UP, 503 otherwise
 * @param body the JSON answer: {@code {"status": ..., "checks": [{"name": ..., "status": ..., "data": {...}}]}}
 */
record HealthEndpoint(int status, JsonObject body) {

    /** GET {@code /health/ready} on the management port {@code managementPort} of 127.0.0.1. */
    static HealthEndpoint ready(int managementPort) {
        URL management;
        try {
            management = new URL("http://127.0.0.1:" + managementPort + "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("managementPort " + managementPort, e);
        }
        Http.Reply reply = Http.get(management, "health/ready");
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return new HealthEndpoint(reply.status(), reader.readObject());
        } catch (JsonException e) {
            throw new AssertionError("/health/ready on port " + managementPort + " answered " + reply.status()
                    + " with no JSON health report: " + reply.body(), e);
        }
    }

    /** The overall status, {@code UP} or {@code DOWN}. */
    String overall() {
        return body.getString("status");
    }

    /** The check named {@code name}, if the server lists it. */
    Optional<JsonObject> check(String name) {
        return checks().stream().filter(c -> c.getString("name").equals(name)).findFirst();
    }

    /** The check named {@code name}; fails the test, showing every check, when the server does not list it. */
    JsonObject required(String name) {
        return check(name).orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
    }

    List<String> names() {
        return checks().stream().map(c -> c.getString("name")).toList();
    }

    private List<JsonObject> checks() {
        return body.getJsonArray("checks").getValuesAs(JsonObject.class);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
