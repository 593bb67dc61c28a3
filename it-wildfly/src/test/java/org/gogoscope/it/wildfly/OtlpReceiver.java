package org.gogoscope.it.wildfly;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver in the test JVM, standing in for an OpenTelemetry Collector: a JDK {@link HttpServer} on
 * 127.0.0.1 and a free port that takes {@code POST /v1/metrics} and {@code POST /v1/traces}
 * ({@code application/x-protobuf}, as {@code otel.exporter.otlp.protocol=http/protobuf} sends them), decodes each
 * body with the OTLP protobuf classes ({@code io.opentelemetry.proto:opentelemetry-proto}) and answers 200 with an
 * empty body (an empty {@code Export*ServiceResponse}: everything accepted). Anything else (another path, a body
 * that does not decode) is kept in {@link #problems()} and answered 400 or 404, so that a test can say what went
 * wrong instead of only "nothing arrived".
 */
final class OtlpReceiver implements AutoCloseable {

    /**
     * One data point of a metric as exported: a sum's or gauge's value, or a histogram's sum, count and explicit
     * bucket boundaries.
     */
    record Point(String metric, String scope, String scopeVersion, String unit, Map<String, String> attributes,
            long timeUnixNano, double value, long count, List<Double> bounds) {
    }

    /** One span as exported, with its scope and the resource (the deployment's service) that exported it. */
    record ReceivedSpan(Map<String, String> resource, String scope, Span span) {

        String name() {
            return span.getName();
        }

        String traceId() {
            return hex(span.getTraceId());
        }

        String spanId() {
            return hex(span.getSpanId());
        }

        String parentSpanId() {
            return hex(span.getParentSpanId());
        }

        Map<String, String> attributes() {
            return OtlpReceiver.attributes(span.getAttributesList());
        }

        @Override
        public String toString() {
            return name() + " " + span.getKind() + " trace " + traceId() + " span " + spanId() + " parent "
                    + parentSpanId() + " " + attributes();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Point> points = new CopyOnWriteArrayList<>();
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> metricResources = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile int metricRequests;
    private volatile int traceRequests;

    private OtlpReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on 127.0.0.1 and a port the system picks, on daemon threads (a forgotten receiver ends with the JVM). */
    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            });
            OtlpReceiver receiver = new OtlpReceiver(server, executor);
            server.createContext("/", receiver::handle);
            server.setExecutor(executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("the OTLP receiver could not listen", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code otel.exporter.otlp.endpoint} (no path, no slash). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<Map<String, String>> metricResources() {
        return List.copyOf(metricResources);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** What arrived so far, for failure messages: request counts, metric and span names. */
    String summary() {
        TreeSet<String> metricNames = new TreeSet<>();
        points.forEach(p -> metricNames.add(p.metric()));
        TreeSet<String> spanNames = new TreeSet<>();
        spans.forEach(s -> spanNames.add(s.name()));
        return "OTLP receiver at " + endpoint() + " got " + metricRequests + " metrics request(s) with "
                + metricNames + ", " + traceRequests + " traces request(s) with " + spanNames + ", problems "
                + problems;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = body(exchange);
            if (!"POST".equals(method) || !(path.equals("/v1/metrics") || path.equals("/v1/traces"))) {
                problems.add(method + " " + path + " (" + body.length + " bytes)");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            try {
                if (path.equals("/v1/metrics")) {
                    metrics(ExportMetricsServiceRequest.parseFrom(body));
                    metricRequests++;
                } else {
                    traces(ExportTraceServiceRequest.parseFrom(body));
                    traceRequests++;
                }
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                problems.add("POST " + path + " (" + contentType + ", " + body.length + " bytes) not decoded: " + e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        try (InputStream in = "gzip".equalsIgnoreCase(encoding)
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private void metrics(ExportMetricsServiceRequest request) {
        List<Point> received = new ArrayList<>();
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            metricResources.add(attributes(resource.getResource().getAttributesList()));
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                String scopeName = scope.getScope().getName();
                String scopeVersion = scope.getScope().getVersion();
                for (Metric metric : scope.getMetricsList()) {
                    switch (metric.getDataCase()) {
                        case SUM -> metric.getSum().getDataPointsList().forEach(p -> received.add(
                                number(metric, scopeName, scopeVersion, p)));
                        case GAUGE -> metric.getGauge().getDataPointsList().forEach(p -> received.add(
                                number(metric, scopeName, scopeVersion, p)));
                        case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(p -> received.add(
                                histogram(metric, scopeName, scopeVersion, p)));
                        default -> received.add(new Point(metric.getName(), scopeName, scopeVersion,
                                metric.getUnit(), Map.of(), 0, Double.NaN, 0, List.of()));
                    }
                }
            }
        }
        points.addAll(received);
    }

    private static Point number(Metric metric, String scope, String version, NumberDataPoint p) {
        double value = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
        return new Point(metric.getName(), scope, version, metric.getUnit(), attributes(p.getAttributesList()),
                p.getTimeUnixNano(), value, 1, List.of());
    }

    private static Point histogram(Metric metric, String scope, String version, HistogramDataPoint p) {
        return new Point(metric.getName(), scope, version, metric.getUnit(), attributes(p.getAttributesList()),
                p.getTimeUnixNano(), p.getSum(), p.getCount(), List.copyOf(p.getExplicitBoundsList()));
    }

    private void traces(ExportTraceServiceRequest request) {
        List<ReceivedSpan> received = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, String> resourceAttributes = attributes(resource.getResource().getAttributesList());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    received.add(new ReceivedSpan(resourceAttributes, scope.getScope().getName(), span));
                }
            }
        }
        spans.addAll(received);
    }

    /** Attribute values as strings (every attribute the library reports is a string). */
    static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : keyValues) {
            AnyValue v = kv.getValue();
            map.put(kv.getKey(), switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case INT_VALUE -> String.valueOf(v.getIntValue());
                case BOOL_VALUE -> String.valueOf(v.getBoolValue());
                case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
                default -> v.toString().trim();
            });
        }
        return map;
    }

    static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
