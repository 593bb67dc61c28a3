package org.gogoscope.demo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gogoscope.demo.service.DemoHttp.get;
import static org.gogoscope.demo.service.DemoHttp.json;
import static org.gogoscope.demo.service.DemoHttp.poll;
import static org.gogoscope.demo.service.DemoHttp.post;
import static org.gogoscope.demo.service.DemoHttp.send;
import static org.gogoscope.demo.service.DemoHttp.sendAsync;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo service as a user runs it: two bootable JARs (external processes, port offsets 1500 and 1510) on one
 * SQLite file, driven over HTTP. Each capability is shown across the two nodes; the last test kills node A in the
 * middle of a report and restarts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoServiceIT {

    private static final int OFFSET_A = 1500;
    private static final int OFFSET_B = 1510;

    private static ServiceNode a;
    private static ServiceNode b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        List<ServiceNode> nodes = ServiceNode.startCluster("it-nodes", List.of("-Ddemo.report.step-ms=300",
                "-Dorg.gogoscope.demo.service.QuoteService/quote/CircuitBreaker/delay=2000"), OFFSET_A, OFFSET_B);
        a = nodes.get(0);
        b = nodes.get(1);
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (ServiceNode node : new ServiceNode[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void anOrderPlacedOnOneNodeIsReplayedOnTheOther() throws Exception {
        String key = "it-" + UUID.randomUUID();
        String body = "{\"sku\":\"book-1\",\"quantity\":2,\"customer\":\"alice\"}";
        HttpResponse<String> placed = send(post(a, "/orders", body).header("Idempotency-Key", key));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(placed.headers().firstValue("Idempotent-Replayed")).hasValue("false");

        HttpResponse<String> replayed = send(post(b, "/orders", body).header("Idempotency-Key", key));
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(replayed).getString("id")).isEqualTo(json(placed).getString("id"));
        assertThat(json(replayed).getString("placedBy")).isEqualTo("node-a");

        HttpResponse<String> otherBody = send(post(b, "/orders", "{\"sku\":\"book-1\",\"quantity\":3,\"customer\":\"alice\"}")
                .header("Idempotency-Key", key));
        assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
        assertThat(json(otherBody).getString("error")).isEqualTo("idempotency-key-reused");

        HttpResponse<String> noKey = send(post(a, "/orders", body));
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(json(noKey).getString("message")).contains("Idempotency-Key");
    }

    @Test
    @Order(2)
    void aRepeatWhileTheFirstCallRunsIsRefusedAsInProgress() throws Exception {
        String key = "it-" + UUID.randomUUID();
        String body = "{\"sku\":\"pen\",\"quantity\":1,\"customer\":\"bob\"}";
        CompletableFuture<HttpResponse<String>> first = sendAsync(
                post(a, "/orders?processingMs=5000", body).header("Idempotency-Key", key));
        Thread.sleep(1500);
        CompletableFuture<HttpResponse<String>> repeat = sendAsync(
                post(b, "/orders?processingMs=5000", body).header("Idempotency-Key", key));
        // normally A's call claims the key first; on a very busy machine B's may: either way one runs, one is refused
        List<HttpResponse<String>> both = List.of(first.get(), repeat.get());
        HttpResponse<String> refused = both.stream().filter(r -> r.statusCode() == 409).findFirst()
                .orElseThrow(() -> new AssertionError("no 409 among " + both.stream().map(HttpResponse::body).toList()));
        assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(json(refused).getString("error")).isEqualTo("in-progress");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> replay = send(post(b, "/orders?processingMs=5000", body).header("Idempotency-Key", key));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    @Order(3)
    void aLockHeldOnOneNodeIsRefusedOnTheOtherNamingTheHolder() throws Exception {
        HttpResponse<String> placed = send(post(a, "/orders", "{\"sku\":\"lamp\",\"quantity\":1,\"customer\":\"carol\"}")
                .header("Idempotency-Key", "it-" + UUID.randomUUID()));
        String id = json(placed).getString("id");

        CompletableFuture<HttpResponse<String>> shipping = sendAsync(post(a, "/orders/" + id + "/ship?holdMs=4000", ""));
        JsonObject view = poll(b, "/orders/" + id, v -> v.get("lockedBy") != null && v.get("lockedBy") != JsonValue.NULL);
        long holderToken = view.getJsonObject("lockedBy").getJsonNumber("fencingToken").longValue();

        HttpResponse<String> refused = send(post(b, "/orders/" + id + "/ship?holdMs=0", ""));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonObject holder = json(refused).getJsonObject("holder");
        assertThat(holder.getString("node")).isEqualTo("node-a");
        assertThat(holder.getJsonNumber("fencingToken").longValue()).isEqualTo(holderToken);

        HttpResponse<String> shipped = shipping.get();
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        assertThat(json(shipped).getJsonArray("shipments").getJsonObject(0).getJsonNumber("fencingToken").longValue())
                .isEqualTo(holderToken);

        HttpResponse<String> again = send(post(b, "/orders/" + id + "/ship?holdMs=0", ""));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonObject second = json(again).getJsonArray("shipments").getJsonObject(1);
        assertThat(second.getString("node")).isEqualTo("node-b");
        assertThat(second.getJsonNumber("fencingToken").longValue()).isGreaterThan(holderToken);
    }

    @Test
    @Order(4)
    void aBreakerOpenedThroughOneNodeFailsFastOnTheOther() throws Exception {
        int supplierCallsOnB = json(send(get(b, "/downstream"))).getInt("supplierCalls");
        send(post(a, "/downstream/fail", ""));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> failed = send(get(a, "/quotes/book-1"));
            assertThat(failed.statusCode()).as("call %d through A: %s", i + 1, failed.body()).isEqualTo(502);
        }
        HttpResponse<String> fast = send(get(b, "/quotes/book-1"));
        assertThat(fast.statusCode()).as(fast.body()).isEqualTo(503);
        assertThat(json(fast).getString("error")).isEqualTo("circuit-open");
        JsonObject downstreamB = json(send(get(b, "/downstream")));
        assertThat(downstreamB.getInt("supplierCalls")).as("B's supplier is never called").isEqualTo(supplierCallsOnB);
        assertThat(downstreamB.getBoolean("failing")).isFalse();
        assertThat(downstreamB.getJsonObject("breaker").getString("state")).isEqualTo("OPEN");

        send(post(a, "/downstream/heal", ""));
        JsonObject quote = poll(b, "/quotes/book-1", q -> q.containsKey("price")); // after the 2 s delay: probe, closed
        assertThat(quote.getString("quotedVia")).isEqualTo("node-b");
        assertThat(send(get(a, "/quotes/book-1")).statusCode()).isEqualTo(200);
        assertThat(json(send(get(a, "/downstream"))).getJsonObject("breaker").getString("state")).isEqualTo("CLOSED");
    }

    @Test
    @Order(5)
    void aReadCachedByOneNodeIsAHitOnTheOther() throws Exception {
        String sku = "it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> miss = send(get(a, "/catalog/" + sku));
        assertThat(miss.headers().firstValue("X-Cache")).hasValue("MISS");
        HttpResponse<String> hit = send(get(b, "/catalog/" + sku));
        assertThat(hit.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(json(hit).getJsonObject("item").getString("loadedBy")).isEqualTo("node-a");
        assertThat(send(get(b, "/catalog")).body()).contains(sku);
        assertThat(send(HttpRequest.newBuilder().DELETE().uri(b.uri("/catalog/" + sku))).statusCode()).isEqualTo(204);
        assertThat(send(get(a, "/catalog/" + sku)).headers().firstValue("X-Cache")).hasValue("MISS");
    }

    @Test
    @Order(6)
    void aReportResumesFromItsLastCheckpointAfterItsNodeWasKilled() throws Exception {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        int steps = 12;
        assertThat(send(post(a, "/reports/" + id + "?steps=" + steps, "")).statusCode()).isEqualTo(202);
        poll(b, "/reports/" + id, r -> r.getInt("completedSteps") >= 3);
        a.kill();
        JsonObject afterKill = json(send(get(b, "/reports/" + id)));
        int checkpointed = afterKill.getInt("completedSteps");
        assertThat(afterKill.getString("state")).isEqualTo("RUNNING");
        assertThat(checkpointed).isBetween(3, steps - 1);

        a.start();
        a.awaitUp(ServiceNode.BOOT);
        JsonObject done = poll(b, "/reports/" + id, r -> r.getString("state").equals("DONE"));
        assertThat(done.getInt("completedSteps")).isEqualTo(steps);
        assertThat(done.getJsonNumber("total").longValue()).as("every step counted exactly once")
                .isEqualTo((long) steps * (steps + 1) * (2 * steps + 1) / 6);
        List<JsonObject> runs = done.getJsonArray("runs").getValuesAs(JsonObject.class);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).getInt("fromStep")).isZero();
        assertThat(runs.get(1).getString("node")).isEqualTo("node-a");
        assertThat(runs.get(1).getInt("fromStep")).as("resumed from the last checkpoint, not from scratch").isEqualTo(checkpointed);
    }
}
