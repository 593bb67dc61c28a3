package org.gogoscope.demo.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.gogoscope.api.PersistenceAdapter;

/** {@code GET /node}: which node answers, and the store it uses (backend, key prefix). */
@Path("node")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    @Inject
    Node node;

    @Inject
    PersistenceAdapter adapter;

    @GET
    public Map<String, Object> node() {
        return Map.of("node", node.name(), "backend", adapter.backend(), "keyPrefix", adapter.keyPrefix());
    }
}
