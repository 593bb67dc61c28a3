package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.gogoscope.it.common.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * gogoscope-jaxrs on WildFly: two plain JAX-RS applications (an {@code Application} subclass, no mapper of their
 * own for the library's exceptions) with the module's jar in {@code WEB-INF/lib}, found by WildFly's provider
 * scanning with no registration. The library's exceptions, caused for real by the interceptors on a PostgreSQL
 * store, come back as RFC 9457 {@code application/problem+json}; an application exception does not. The second
 * application has no Fault Tolerance API (it deploys all the same) and its own mapper for one type, which wins.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProblemMappersIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    @OperateOnDeployment("problems")
    URL problems;

    @ArquillianResource
    @OperateOnDeployment("plain")
    URL plain;

    @Deployment(name = "problems", testable = false)
    static WebArchive problemsApplication() {
        return Deployments.war("problems", config("problems"), ProblemApi.class, ProblemApi.Work.class,
                ProblemApi.Problems.class).addAsLibraries(jaxrsJar());
    }

    @Deployment(name = "plain", testable = false)
    static WebArchive plainApplication() {
        return Deployments.war("plain", config("plain"), PlainApi.class, PlainApi.Work.class, PlainApi.Plain.class,
                PlainApi.OwnMismatchMapper.class, PlainApi.LockRefused.class).addAsLibraries(jaxrsJar());
    }

    private static String config(String what) {
        return """
                gogoscope.store.default.backend=postgresql
                gogoscope.store.default.datasource=java:jboss/datasources/GogoPostgres
                gogoscope.store.default.key-prefix=%s
                """.formatted(Deployments.uniquePrefix(what));
    }

    /** The module's jar as the build made it (copied to {@code jaxrs.libs} by the pom), nothing else. */
    private static File jaxrsJar() {
        File[] jars = new File(Wars.property("jaxrs.libs")).listFiles((d, n) -> n.startsWith("gogoscope-jaxrs"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("expected one gogoscope-jaxrs jar in " + Wars.property("jaxrs.libs"));
        }
        return jars[0];
    }

    @Test
    void aRefusedLockIs409WithRetryAfterFromTheHoldersRemainingTtl() {
        String id = UUID.randomUUID().toString();
        assertEquals(200, send(problems, "POST", "api/problems/hold/" + id + "?ttlMs=4000").statusCode());

        HttpResponse<String> refused = send(problems, "POST", "api/problems/job/" + id + "?holder=true");
        JsonObject body = problem(refused, 409, "urn:gogoscope:problem:lock-not-acquired");
        long retryAfter = retryAfter(refused);
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "from the holder's TTL left (at most 4 s): " + retryAfter);
        assertEquals(retryAfter, body.getJsonNumber("retryAfter").longValue());
        assertEquals("Lock held by another call", body.getString("title"));
        assertEquals("job-" + id, body.getString("key"));
        assertEquals("GOGO-0302", body.getString("code"));
        assertTrue(body.getString("detail").startsWith("GOGO-0302: Lock 'job-" + id + "' not acquired"),
                body.getString("detail"));
        assertTrue(body.getString("detail").contains("with fencing token"), "the holder was read: " + body);

        HttpResponse<String> withoutHolder = send(problems, "POST", "api/problems/job/" + id);
        problem(withoutHolder, 409, "urn:gogoscope:problem:lock-not-acquired");
        assertEquals(1, retryAfter(withoutHolder), "the constant when the holder is not known");

        send(problems, "DELETE", "api/problems/hold/" + id);
        HttpResponse<String> ran = send(problems, "POST", "api/problems/job/" + id);
        assertEquals(200, ran.statusCode(), ran.body());
        assertEquals("ran " + id, ran.body());
    }

    @Test
    void anIdempotentCallInProgressIs409WithRetryAfterFromItsLease() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        assertEquals(202, send(problems, "POST", "api/problems/pay/" + id + "/background?amount=5&holdMs=2000")
                .statusCode());

        HttpResponse<String> inProgress = send(problems, "POST", "api/problems/pay/" + id + "?amount=5");
        JsonObject body = problem(inProgress, 409, "urn:gogoscope:problem:idempotency-in-progress");
        long retryAfter = retryAfter(inProgress);
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "from the 3 s lease: " + retryAfter);
        assertEquals(retryAfter, body.getJsonNumber("retryAfter").longValue());
        assertEquals("pay-" + id, body.getString("key"));
        assertEquals("GOGO-0303", body.getString("code"));

        Thread.sleep(2500);
        HttpResponse<String> replayed = send(problems, "POST", "api/problems/pay/" + id + "?amount=5");
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertEquals("paid 5", replayed.body());
    }

    @Test
    void aReusedIdempotencyKeyIs422() {
        String id = UUID.randomUUID().toString();
        assertEquals(200, send(problems, "POST", "api/problems/pay/" + id + "?amount=5").statusCode());

        HttpResponse<String> reused = send(problems, "POST", "api/problems/pay/" + id + "?amount=6");
        JsonObject body = problem(reused, 422, "urn:gogoscope:problem:idempotency-key-reused");
        assertEquals("pay-" + id, body.getString("key"));
        assertEquals("GOGO-0304", body.getString("code"));
        assertTrue(reused.headers().firstValue("Retry-After").isEmpty(), "no Retry-After: retrying cannot help");
    }

    @Test
    void anOpenSharedBreakerIs503WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = send(problems, "POST", "api/problems/quote?fail=true");
            assertEquals(500, failed.statusCode(), "the method's own failure is not the module's: " + failed.body());
            assertFalse(contentType(failed).startsWith(PROBLEM_JSON), contentType(failed));
        }
        HttpResponse<String> open = send(problems, "POST", "api/problems/quote");
        JsonObject body = problem(open, 503, "urn:gogoscope:problem:circuit-open");
        assertEquals(5, retryAfter(open));
        assertEquals(5, body.getInt("retryAfter"));
        assertEquals("Circuit breaker open", body.getString("title"));
        System.out.println("PROBLEM breaker open: " + open.body());
    }

    @Test
    void aBackendFailureIs503NamingTheBackendButNotTheCause() {
        HttpResponse<String> down = send(problems, "GET", "api/problems/backend-down");
        JsonObject body = problem(down, 503, "urn:gogoscope:problem:backend-unavailable");
        assertEquals("postgresql", body.getString("backend"));
        assertEquals("lock.acquire", body.getString("operation"));
        assertEquals("GOGO-0301", body.getString("code"));
        assertEquals("GOGO-0301: postgresql lock.acquire failed: Connection to 127.0.0.1:5432 refused",
                body.getString("detail"));
        assertFalse(down.body().contains("ConnectException"), down.body());
        assertTrue(down.headers().firstValue("Retry-After").isEmpty());
    }

    @Test
    void theApplicationsOwnExceptionsAreLeftAlone() {
        HttpResponse<String> bad = send(problems, "GET", "api/problems/bad-input");
        assertEquals(500, bad.statusCode(), bad.body());
        assertFalse(contentType(bad).startsWith(PROBLEM_JSON), contentType(bad));
        assertFalse(bad.body().contains("urn:gogoscope"), bad.body());
    }

    @Test
    void withoutTheFaultToleranceApiTheApplicationDeploysAndItsOwnMappersWin() {
        assertEquals("absent", send(plain, "GET", "api/plain/fault-tolerance-api").body(),
                "WildFly gives the Fault Tolerance API only to applications using its annotations");
        String id = UUID.randomUUID().toString();
        assertEquals(200, send(plain, "POST", "api/plain/hold/" + id).statusCode());
        HttpResponse<String> refused = send(plain, "POST", "api/plain/job/" + id);
        JsonObject body = problem(refused, 409, "urn:gogoscope:problem:lock-not-acquired");
        assertEquals("job-" + id, body.getString("key"));
        assertEquals("plain", body.getString("application"), "the application's subclass of the module's mapper");
        send(plain, "DELETE", "api/plain/hold/" + id);

        assertEquals(200, send(plain, "POST", "api/plain/pay/" + id + "?amount=1").statusCode());
        HttpResponse<String> reused = send(plain, "POST", "api/plain/pay/" + id + "?amount=2");
        assertEquals(400, reused.statusCode(), "the application's mapper, not the module's 422: " + reused.body());
        assertEquals("the application's own mapper", reused.body());
    }

    private static JsonObject problem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM_JSON, contentType(response).split(";")[0].trim(), "Content-Type");
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(type, body.getString("type"), response.body());
        assertEquals(status, body.getInt("status"));
        assertFalse(body.getString("title").isBlank());
        assertFalse(body.getString("detail").isBlank());
        return body;
    }

    private static long retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        assertTrue(header.isPresent(), "Retry-After expected: " + response.headers().map());
        return Long.parseLong(header.get());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static HttpResponse<String> send(URL base, String method, String path) {
        URI uri = URI.create(base.toExternalForm().replaceAll("/$", "") + "/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
