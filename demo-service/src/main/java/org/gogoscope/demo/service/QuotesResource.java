package org.gogoscope.demo.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.gogoscope.api.CircuitBreakerStateProvider;
import org.gogoscope.api.CircuitRecord;

/**
 * {@code GET /quotes/{sku}} through the shared breaker (200, 502 when the supplier failed, 503 when the breaker is
 * open); {@code /downstream}: this node's supplier switch and call counter, and the shared breaker's record.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {

    /** This node's supplier, and the breaker as stored (shared by all nodes). */
    public record DownstreamView(String node, boolean failing, int supplierCalls, Map<String, Object> breaker) {
    }

    @Inject
    QuoteService quotes;

    @Inject
    Supplier supplier;

    @Inject
    Node node;

    @Inject
    CircuitBreakerStateProvider breakers;

    @GET
    @Path("quotes/{sku}")
    public Supplier.Quote quote(@PathParam("sku") String sku) {
        return quotes.quote(sku);
    }

    @GET
    @Path("downstream")
    public DownstreamView downstream() {
        return view();
    }

    /** Switches this node's supplier off: its calls fail from now on. */
    @POST
    @Path("downstream/fail")
    public DownstreamView fail() {
        supplier.setFailing(true);
        return view();
    }

    /** Switches this node's supplier on again. */
    @POST
    @Path("downstream/heal")
    public DownstreamView heal() {
        supplier.setFailing(false);
        return view();
    }

    @SuppressWarnings("unchecked")
    private DownstreamView view() {
        CircuitRecord record = breakers.readRecord("cb:" + QuoteService.BREAKER);
        Map<String, Object> breaker = Map.of("state", "CLOSED", "note", "no call recorded yet");
        if (record.version() > 0) {
            try (Jsonb jsonb = JsonbBuilder.create()) {
                breaker = jsonb.fromJson(record.data(), Map.class);
            } catch (Exception e) {
                throw new IllegalStateException("unreadable breaker record: " + e.getMessage(), e);
            }
        }
        return new DownstreamView(node.name(), supplier.failing(), supplier.calls(), breaker);
    }
}
