package org.gogoscope.demo.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gogoscope.api.CacheProvider;

/**
 * {@code /catalog}: cached reads. A miss "loads" the item slowly (300 ms) and caches it in the shared store with a
 * TTL ({@code demo.catalog.ttl-ms}, 30 s); a hit on any node is served from there. Header {@code X-Cache}.
 */
@Path("catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    /** A catalog item as the (slow) catalog service returns it. */
    public record Item(String sku, String name, BigDecimal listPrice, String loadedBy, Instant loadedAt) {
    }

    /** A read: the item, {@code HIT} or {@code MISS}, and the node that served it. */
    public record Read(Item item, String cache, String servedBy) {
    }

    @Inject
    CacheProvider cache;

    @Inject
    Node node;

    @Inject
    @ConfigProperty(name = "demo.catalog.ttl-ms", defaultValue = "30000")
    long ttlMillis;

    @GET
    @Path("{sku}")
    public Response get(@PathParam("sku") String sku) throws InterruptedException {
        Optional<Item> cached = cache.get(key(sku), Item.class);
        Item item;
        if (cached.isPresent()) {
            item = cached.get();
        } else {
            item = load(sku);
            cache.set(key(sku), item, Duration.ofMillis(ttlMillis));
        }
        String outcome = cached.isPresent() ? "HIT" : "MISS";
        return Response.ok(new Read(item, outcome, node.name())).header("X-Cache", outcome).build();
    }

    /** The cached skus (a glob over the cache's keys: {@code catalog:*}). */
    @GET
    public List<String> cached() {
        return cache.keys("catalog:*").stream().map(k -> k.substring("catalog:".length())).sorted().toList();
    }

    /** Evicts one item: 204, or 404 when it was not cached. */
    @DELETE
    @Path("{sku}")
    public Response evict(@PathParam("sku") String sku) {
        return Response.status(cache.delete(key(sku)) ? Response.Status.NO_CONTENT : Response.Status.NOT_FOUND).build();
    }

    private Item load(String sku) throws InterruptedException {
        Thread.sleep(300);
        return new Item(sku, "Item " + sku, BigDecimal.valueOf(Math.floorMod(sku.hashCode(), 9_000) + 1_000, 2),
                node.name(), Instant.now());
    }

    private static String key(String sku) {
        return "catalog:" + sku;
    }
}
