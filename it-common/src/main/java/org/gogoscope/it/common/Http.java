package org.gogoscope.it.common;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP client for the client-side ({@code @RunAsClient}) tests; every call has a timeout. */
public final class Http {

    /** Status and body of one response. */
    public record Reply(int status, String body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static Reply get(URL base, String path) {
        return send(HttpRequest.newBuilder(uri(base, path)).GET());
    }

    public static Reply post(URL base, String path) {
        return send(HttpRequest.newBuilder(uri(base, path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static Reply delete(URL base, String path) {
        return send(HttpRequest.newBuilder(uri(base, path)).DELETE());
    }

    private static URI uri(URL base, String path) {
        return URI.create(base.toExternalForm().replaceAll("/$", "") + "/" + path.replaceAll("^/", ""));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
