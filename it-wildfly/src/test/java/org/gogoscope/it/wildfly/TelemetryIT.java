package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gogoscope.it.common.Wars;
import org.gogoscope.it.wildfly.OtlpReceiver.Point;
import org.gogoscope.it.wildfly.OtlpReceiver.ReceivedSpan;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * gogoscope-telemetry on a real WildFly: an application that adds the jar (and not the OpenTelemetry API, which
 * the server provides) gets the library's metrics and spans exported by the server's MicroProfile Telemetry. The
 * deployment turns its OpenTelemetry SDK on and points it at {@link OtlpReceiver} in this JVM through its own
 * {@code microprofile-config.properties} ({@link #config()}); the server's configuration is not changed. One
 * {@code @Locked} request and three cache requests (a miss, a write, a hit) are sent, each with a W3C
 * {@code traceparent} of the test's own; the exported data is decoded (OTLP protobuf) and checked by exact value
 * within {@link #WAIT} of the last request: cumulative metric values, and each library span a child of WildFly's
 * JAX-RS span of its request (kind SERVER), itself a child of the test's {@code traceparent}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelemetryIT {

    /** Started before the deployment is built: the WAR's configuration names its port. */
    private static final OtlpReceiver RECEIVER = OtlpReceiver.start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RECEIVER::close, "otlp-receiver-stop"));
    }

    /** How long the exported data may take to arrive (metrics every 500 ms, spans batched every 200 ms). */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String JOB_METHOD = TelemetryApi.class.getName() + ".job";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The calls made once for both tests (cumulative metrics are then exact whatever the order of the tests). */
    private static Calls calls;

    /** When the last of {@link #calls} was answered ({@link System#nanoTime()}). */
    private static long exercisedAt;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.war("telemetry", config(), TelemetryApi.class, TelemetryApi.Rest.class)
                .addAsLibraries(telemetryJar());
    }

    /**
     * Store {@code default} in memory, and the deployment's OpenTelemetry, in the WAR's own MicroProfile Config.
     * WildFly 39 builds each deployment's SDK from the {@code opentelemetry} subsystem's settings, then lets every
     * {@code otel.*} property of the deployment's MicroProfile Config override them, so the server is not changed.
     * What each line does there (each tried without, see it-wildfly's README):
     * <ul>
     * <li>{@code otel.sdk.disabled=false}: required, MicroProfile Telemetry turns every deployment's SDK off;</li>
     * <li>{@code otel.exporter.otlp.protocol}, {@code .endpoint}: the subsystem's are gRPC to
     * {@code localhost:4317};</li>
     * <li>{@code otel.metric.export.interval=500}: required for the test, the SDK's default is 60 s (no metric
     * arrived within 20 s without it) and the subsystem has no attribute for it;</li>
     * <li>{@code otel.bsp.schedule.delay=200}: the subsystem's {@code batch-delay} is 5000 ms (15000 made the spans
     * arrive 9.6 s after the requests, 200 within about 0.3 s);</li>
     * <li>{@code otel.logs.exporter=none}: otherwise the server also exports the deployment's log records to
     * {@code /v1/logs}, which this receiver refuses;</li>
     * <li>{@code otel.metrics.exporter=otlp}, {@code otel.traces.exporter=otlp}: already the subsystem's (its
     * {@code exporter-type} otlp sets both; the test passed without them), kept to say what the test needs.</li>
     * </ul>
     */
    static String config() {
        return Wars.storeConfig("it-wildfly", "memory", "") + """
                otel.sdk.disabled=false
                otel.metrics.exporter=otlp
                otel.traces.exporter=otlp
                otel.logs.exporter=none
                otel.exporter.otlp.protocol=http/protobuf
                otel.exporter.otlp.endpoint=%s
                otel.metric.export.interval=500
                otel.bsp.schedule.delay=200
                """.formatted(RECEIVER.endpoint());
    }

    /** gogoscope-telemetry as the build made it (copied to {@code telemetry.libs} by the pom), nothing else. */
    private static File telemetryJar() {
        File[] jars = new File(Wars.property("telemetry.libs"))
                .listFiles((d, n) -> n.startsWith("gogoscope-telemetry") && n.endsWith(".jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("expected one gogoscope-telemetry jar in "
                    + Wars.property("telemetry.libs"));
        }
        return jars[0];
    }

    @Test
    void theWarCarriesTheTelemetryJarButNotTheOpenTelemetryApi() {
        List<String> libs = application().getContent(path -> path.get().startsWith("/WEB-INF/lib/")).keySet()
                .stream().map(path -> path.get().substring("/WEB-INF/lib/".length())).sorted().toList();
        assertTrue(libs.stream().anyMatch(n -> n.startsWith("gogoscope-telemetry-")), libs.toString());
        assertTrue(libs.stream().noneMatch(n -> n.startsWith("opentelemetry")), "the server provides it: " + libs);
        assertTrue(application().getContent(path -> path.get().contains("io/opentelemetry")).isEmpty());
    }

    @Test
    void theLibrarysMetricsAreExportedByTheServer() {
        exercise();
        Map<String, String> store = Map.of("gogoscope.store", "default", "gogoscope.backend", "memory");
        Map<Series, Double> expected = new LinkedHashMap<>();
        expected.put(new Series("gogoscope.lock.acquisitions", "{acquisition}", with(store, "gogoscope.outcome",
                "granted")), 1.0);
        expected.put(new Series("gogoscope.cache.reads", "{read}", with(store, "gogoscope.outcome", "hit")), 1.0);
        expected.put(new Series("gogoscope.cache.reads", "{read}", with(store, "gogoscope.outcome", "miss")), 1.0);
        // histograms: the count of recordings
        expected.put(new Series("gogoscope.lock.wait.duration", "s", Map.of("gogoscope.store", "default",
                "code.function.name", JOB_METHOD, "gogoscope.outcome", "granted")), 1.0);
        expected.put(new Series("gogoscope.lock.held.duration", "s", store), 1.0);
        for (String[] operation : new String[][] {{"lock.acquire", "1"}, {"lock.release", "1"}, {"cache.get", "2"},
                {"cache.set", "1"}}) {
            expected.put(new Series("gogoscope.backend.operation.duration", "s", with(store, "gogoscope.operation",
                    operation[0])), Double.parseDouble(operation[1]));
        }
        expected.put(new Series("gogoscope.lock.held", "{lock}", store), 0.0);

        await("the library's metrics, by exact value", () -> {
            Map<Series, Point> latest = latestPoints();
            List<String> missing = new ArrayList<>();
            expected.forEach((series, value) -> {
                Point point = latest.get(series);
                double got = point == null ? Double.NaN : series.unit().equals("s") ? point.count() : point.value();
                if (got != value) {
                    missing.add(series + " = " + value + " (got " + (point == null ? "nothing" : got) + ")");
                }
            });
            return missing;
        });

        Map<Series, Point> latest = latestPoints();
        Point wait = latest.get(new Series("gogoscope.lock.wait.duration", "s", Map.of("gogoscope.store", "default",
                "code.function.name", JOB_METHOD, "gogoscope.outcome", "granted")));
        assertEquals("org.gogoscope", wait.scope(), "the instrumentation scope");
        assertTrue(wait.scopeVersion().startsWith("0.1.0"), "the library's version: " + wait.scopeVersion());
        assertTrue(wait.value() >= 0 && wait.value() < 5, "seconds waited for a free lock: " + wait.value());
        // the bucket advice reaches WildFly's SDK (its OpenTelemetry API, 1.48, is older than the one compiled against)
        List<Double> bounds = latest.get(new Series("gogoscope.backend.operation.duration", "s", with(store,
                "gogoscope.operation", "lock.acquire"))).bounds();
        assertEquals(16, bounds.size(), "the advised buckets, 0.1 ms to 10 s: " + bounds);
        assertEquals(0.0001, bounds.get(0), bounds.toString());
        assertEquals(10.0, bounds.get(15), bounds.toString());
        assertEquals(14, wait.bounds().size(), "the advised buckets, 1 ms to 60 s: " + wait.bounds());
        assertEquals(0.001, wait.bounds().get(0), wait.bounds().toString());
        assertEquals(60.0, wait.bounds().get(13), wait.bounds().toString());
        assertTrue(RECEIVER.metricResources().stream().anyMatch(r -> "telemetry.war".equals(r.get("service.name"))),
                "exported as the deployment's service: " + RECEIVER.metricResources());
        assertEquals(List.of(), RECEIVER.problems());
        System.out.println("TELEMETRY metrics: " + latest.entrySet().stream()
                .filter(e -> e.getKey().name().startsWith("gogoscope."))
                .map(e -> e.getKey() + " value " + e.getValue().value() + " count " + e.getValue().count())
                .collect(Collectors.joining("\n  ", "\n  ", "")));
    }

    @Test
    void theLibrarysSpansAreChildrenOfTheServersRequestSpans() {
        Calls calls = exercise();
        await("the library's spans under the server's JAX-RS spans of the four requests", () -> {
            List<String> missing = new ArrayList<>();
            check(missing, calls.job(), "lock.acquire", 1);
            check(missing, calls.job(), "lock.release", 1);
            check(missing, calls.miss(), "cache.get", 1);
            check(missing, calls.write(), "cache.set", 1);
            check(missing, calls.hit(), "cache.get", 1);
            return missing;
        });

        ReceivedSpan acquire = only(calls.job(), "lock.acquire");
        ReceivedSpan server = serverSpan(calls.job()).orElseThrow();
        assertEquals(Map.of("gogoscope.store", "default", "gogoscope.backend", "memory", "gogoscope.operation",
                "lock.acquire"), acquire.attributes());
        assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT, acquire.span().getKind());
        assertEquals("org.gogoscope", acquire.scope());
        assertEquals("telemetry.war", acquire.resource().get("service.name"), acquire.resource().toString());
        assertEquals(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_UNSET,
                acquire.span().getStatus().getCode(), "no error");
        assertTrue(acquire.span().getStartTimeUnixNano() >= server.span().getStartTimeUnixNano()
                && acquire.span().getEndTimeUnixNano() <= server.span().getEndTimeUnixNano(),
                "inside the request: " + acquire + " / " + server);
        assertEquals(List.of(), RECEIVER.problems());
        System.out.println("TELEMETRY spans: " + RECEIVER.spans().stream().map(ReceivedSpan::toString)
                .collect(Collectors.joining("\n  ", "\n  ", "")));
    }

    /**
     * In the trace of {@code call}: the server's JAX-RS span (kind SERVER, child of the test's {@code traceparent})
     * and {@code count} spans named {@code name}, children of it.
     */
    private static void check(List<String> missing, Call call, String name, int count) {
        Optional<ReceivedSpan> server = serverSpan(call);
        if (server.isEmpty()) {
            missing.add("a SERVER span with parent " + call.parentSpanId() + " in trace " + call.traceId()
                    + " (" + call.what() + ")");
            return;
        }
        List<ReceivedSpan> children = RECEIVER.spans().stream().filter(s -> s.traceId().equals(call.traceId())
                && s.name().equals(name) && s.parentSpanId().equals(server.get().spanId())).toList();
        if (children.size() != count) {
            missing.add(count + " span(s) " + name + " child of " + server.get() + " (" + call.what() + "), got "
                    + children);
        }
    }

    private static Optional<ReceivedSpan> serverSpan(Call call) {
        return RECEIVER.spans().stream().filter(s -> s.traceId().equals(call.traceId())
                && s.parentSpanId().equals(call.parentSpanId())
                && s.span().getKind() == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER).findFirst();
    }

    private static ReceivedSpan only(Call call, String name) {
        List<ReceivedSpan> found = RECEIVER.spans().stream()
                .filter(s -> s.traceId().equals(call.traceId()) && s.name().equals(name)).toList();
        assertEquals(1, found.size(), name + " in " + call);
        return found.get(0);
    }

    /** A metric series: name, unit and attribute set. */
    record Series(String name, String unit, Map<String, String> attributes) {
    }

    /** The last exported point of every series (the metrics are cumulative: the last is the total). */
    private static Map<Series, Point> latestPoints() {
        return RECEIVER.points().stream().collect(Collectors.toMap(
                p -> new Series(p.metric(), p.unit(), p.attributes()), p -> p,
                (a, b) -> a.timeUnixNano() >= b.timeUnixNano() ? a : b));
    }

    private static Map<String, String> with(Map<String, String> attributes, String key, String value) {
        Map<String, String> map = new LinkedHashMap<>(attributes);
        map.put(key, value);
        return Map.copyOf(map);
    }

    /**
     * Polls {@code missing} until it is empty, at most until {@link #WAIT} after the last request (one window for
     * both tests, so that a server that exports nothing fails the class in about 20 s, not 40); fails naming what
     * is missing and what did arrive.
     */
    private static void await(String what, Supplier<List<String>> missing) {
        long start = System.nanoTime();
        long deadline = exercisedAt + WAIT.toNanos();
        List<String> left = missing.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            left = missing.get();
        }
        System.out.println("TELEMETRY " + what + ": " + (left.isEmpty() ? "complete" : "incomplete") + " after "
                + (System.nanoTime() - start) / 1_000_000 + " ms of waiting, "
                + (System.nanoTime() - exercisedAt) / 1_000_000 + " ms after the last request");
        if (!left.isEmpty()) {
            fail(WAIT.toSeconds() + " s after the last request, " + what + " still missing:\n  "
                    + String.join("\n  ", left) + "\n" + RECEIVER.summary());
        }
    }

    /** One request: its trace id and the parent span id the test sent in {@code traceparent}. */
    record Call(String what, String traceId, String parentSpanId) {
    }

    record Calls(Call job, Call miss, Call write, Call hit) {
    }

    /** The four requests, made once: a {@code @Locked} job, a cache miss, a cache write, a cache hit. */
    private Calls exercise() {
        return exercise(base);
    }

    private static synchronized Calls exercise(URL base) {
        if (calls == null) {
            String id = UUID.randomUUID().toString();
            Call job = send(base, "POST", "api/telemetry/jobs/" + id, null, 200, "ran " + id);
            Call miss = send(base, "GET", "api/telemetry/cache/" + id, null, 404, "");
            Call write = send(base, "PUT", "api/telemetry/cache/" + id, "cached", 204, "");
            Call hit = send(base, "GET", "api/telemetry/cache/" + id, null, 200, "cached");
            calls = new Calls(job, miss, write, hit);
            exercisedAt = System.nanoTime();
        }
        return calls;
    }

    private static Call send(URL base, String method, String path, String body, int status, String expected) {
        HexFormat hex = HexFormat.of();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        ThreadLocalRandom.current().nextBytes(traceId);
        ThreadLocalRandom.current().nextBytes(spanId);
        Call call = new Call(method + " " + path, hex.formatHex(traceId), hex.formatHex(spanId));
        URI uri = URI.create(base.toExternalForm().replaceAll("/$", "") + "/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("traceparent", "00-" + call.traceId() + "-" + call.parentSpanId() + "-01")
                .header("Content-Type", "text/plain")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(status, response.statusCode(), call.what() + ": " + response.body());
            assertEquals(expected, response.body(), call.what());
            return call;
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + call.what() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
