package org.gogoscope.demo.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** HTTP calls to the demo service's nodes, as its tests make them. */
final class DemoHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoHttp() {
    }

    static HttpRequest.Builder get(ServiceNode node, String path) {
        return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30)).GET();
    }

    static HttpRequest.Builder post(ServiceNode node, String path, String json) {
        return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} on {@code node} every 100 ms until the JSON answer matches (at most 60 s). */
    static JsonObject poll(ServiceNode node, String path, Predicate<JsonObject> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(get(node, path));
            last = r.statusCode() + " " + r.body();
            if (r.body().startsWith("{") && until.test(json(r))) {
                return json(r);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " on " + node.name() + " never matched; last answer: " + last);
    }

    static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted((x, y) -> y.compareTo(x)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
