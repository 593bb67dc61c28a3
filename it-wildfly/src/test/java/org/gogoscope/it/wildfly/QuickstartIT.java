package org.gogoscope.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's quick start, as a user gets it: the WAR that samples/quickstart-wildfly builds (BOM, four
 * dependencies, nothing else), deployed unchanged on WildFly's plain standalone.xml with only the README's
 * DataSource added (arquillian-quickstart.xml, quickstart.cli). Its WEB-INF/lib holds the library's jars and no
 * API the server provides; {@code @Locked} refuses a second shipment of an order while the first runs, and
 * {@code @Idempotent} replays a payment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuickstartIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive quickstart() {
        return ShrinkWrap.create(ZipImporter.class, "quickstart.war").importFrom(war()).as(WebArchive.class);
    }

    private static File war() {
        return new File(System.getProperty("quickstart.war"));
    }

    @Test
    void theWarHoldsOnlyTheLibrarysJars() throws IOException {
        Set<String> jars = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war())) {
            zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("WEB-INF/lib/".length()).replaceAll("-\\d[^-]*(-SNAPSHOT)?\\.jar$", ""))
                    .forEach(jars::add);
        }
        assertEquals(new TreeSet<>(List.of("gogoscope-api", "gogoscope-cdi", "gogoscope-core",
                "gogoscope-interceptors", "gogoscope-jaxrs", "gogoscope-jpa")), jars);
    }

    @Test
    void aSecondShipmentOfTheSameOrderIsRefusedWhileTheFirstRuns() throws Exception {
        CompletableFuture<HttpResponse<String>> first = send(post("api/orders/o-17/shipment"));
        Thread.sleep(300); // the first holds the lock for a second (Warehouse)
        HttpResponse<String> second = send(post("api/orders/o-17/shipment")).get();
        HttpResponse<String> firstReply = first.get();

        assertEquals(200, firstReply.statusCode(), firstReply.body());
        assertTrue(token(firstReply.body()) > 0, firstReply.body());
        assertEquals(409, second.statusCode(), second.body());
        assertEquals("application/problem+json", second.headers().firstValue("Content-Type").orElse(""));
        assertTrue(second.body().contains("order-o-17"), second.body());

        HttpResponse<String> third = send(post("api/orders/o-17/shipment")).get();
        assertEquals(200, third.statusCode(), third.body());
        assertTrue(token(third.body()) > token(firstReply.body()), "tokens grow: " + firstReply.body() + " then "
                + third.body());
    }

    @Test
    void aRepeatedPaymentReturnsTheStoredReceipt() throws Exception {
        String key = "pay-" + System.nanoTime();
        HttpResponse<String> first = send(post("api/orders/o-18/payment?cents=1250").header("Idempotency-Key", key))
                .get();
        HttpResponse<String> repeat = send(post("api/orders/o-18/payment?cents=1250").header("Idempotency-Key", key))
                .get();
        HttpResponse<String> other = send(post("api/orders/o-18/payment?cents=1250")
                .header("Idempotency-Key", key + "-other")).get();

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(first.body(), repeat.body());
        assertEquals(200, other.statusCode(), other.body());
        assertNotEquals(receipt(first.body()), receipt(other.body()));
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + "/" + path))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long token(String json) {
        Matcher m = Pattern.compile("\"fencingToken\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static String receipt(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
