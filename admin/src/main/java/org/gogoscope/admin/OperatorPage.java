package org.gogoscope.admin;

import static org.gogoscope.admin.Html.esc;
import static org.gogoscope.admin.Html.hidden;
import static org.gogoscope.admin.Html.query;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.CircuitRecord;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.breaker.BreakerDocument;

/**
 * The operator's page: {@code GET <application path>/gogoscope-admin} shows one store's held locks, shared
 * breakers, idempotency claims in progress and checkpointed tasks, each section one bounded, paged read;
 * {@code GET .../confirm} asks before an action; the actions are POSTs that change one record by compare-and-set
 * (a lock by its holder, a breaker by its version, a claim by its token), so nothing changed since the page was
 * read is touched. Every request needs the role {@code gogoscope.admin.role}; every POST also passes
 * {@link CsrfGuard}. Actions are logged with the caller's name.
 */
@Path("gogoscope-admin")
@RequestScoped
public class OperatorPage {

    private static final System.Logger LOG = System.getLogger(OperatorPage.class.getName());
    private static final Map<String, String> DONE = Map.of(
            "lock-released", "The lock was released.",
            "lock-not-held", "Nothing released: that holder no longer holds the lock.",
            "breaker-reset", "The breaker was reset to closed on every node.",
            "breaker-changed", "Nothing reset: the breaker changed since it was shown. Look again.",
            "breaker-unreadable", "Nothing reset: that record is not a MicroProfile breaker document.",
            "claim-released", "The claim was released: the next call with its key runs.",
            "claim-gone", "Nothing released: the claim completed, expired or was released meanwhile.");

    @Inject
    OperatorStores stores;

    @Inject
    AdminSettings settings;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response overview(@QueryParam("store") String store,
            @QueryParam("pattern") @DefaultValue("*") String pattern,
            @QueryParam("locks") String locks, @QueryParam("breakers") String breakers,
            @QueryParam("claims") String claims, @QueryParam("tasks") String tasks, @QueryParam("done") String done) {
        Optional<Response> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        SortedMap<String, PersistenceAdapter> all = stores.all();
        if (all.isEmpty()) {
            return page(Response.Status.OK, "<p>This application configures no store.</p>");
        }
        String shown = store == null || store.isBlank() ? all.firstKey() : store;
        PersistenceAdapter adapter = all.get(shown);
        if (adapter == null) {
            return page(Response.Status.NOT_FOUND, "<p class=\"error\">No store named '" + esc(shown) + "'.</p>");
        }
        StoreSections sections = new StoreSections(adapter, shown, pattern, settings.pageSize(), this::pageUri);
        StringBuilder body = new StringBuilder();
        body.append("<nav id=\"stores\">Stores:");
        for (Map.Entry<String, PersistenceAdapter> each : all.entrySet()) {
            body.append(' ').append("<a href=\"").append(esc(pageUri(Map.of("store", each.getKey())))).append('"')
                    .append(each.getKey().equals(shown) ? " class=\"current\"" : "").append('>')
                    .append(esc(each.getKey())).append("</a> <small>(").append(esc(backendOf(each.getValue())))
                    .append(")</small>");
        }
        body.append("</nav>");
        if (done != null && DONE.containsKey(done)) {
            body.append("<p id=\"notice\" class=\"notice\">").append(esc(DONE.get(done))).append("</p>");
        }
        body.append("<form method=\"get\" id=\"filter\">").append(hidden("store", shown))
                .append("<label>Keys matching <input name=\"pattern\" value=\"").append(esc(pattern))
                .append("\"></label> <button type=\"submit\">Show</button> <small>glob: <code>*</code> any run, "
                        + "<code>?</code> one character</small></form>");
        body.append(sections.locks(locks, this::confirmUri)).append(sections.breakers(breakers, this::confirmUri))
                .append(sections.claims(claims, this::confirmUri)).append(sections.tasks(tasks));
        return page(Response.Status.OK, body.toString());
    }

    @GET
    @Path("confirm")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("action") String action, @QueryParam("store") String store,
            @QueryParam("key") String key, @QueryParam("token") String token) {
        Optional<Response> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        PersistenceAdapter adapter = stores.all().get(store);
        if (adapter == null || key == null || action == null) {
            return page(Response.Status.NOT_FOUND, "<p class=\"error\">Nothing to confirm: unknown store, key or "
                    + "action.</p>");
        }
        String question;
        String fields;
        String button;
        switch (action) {
            case "release-lock" -> {
                Optional<LockInfo> held;
                try {
                    held = adapter.locks().inspect(key);
                } catch (BackendException e) {
                    return unavailable(store, e);
                }
                if (held.isEmpty()) {
                    return redirect(store, "lock-not-held");
                }
                LockInfo lock = held.get();
                question = "Force release lock <code>" + esc(key) + "</code> held by <code>" + esc(lock.owner())
                        + "</code> (fencing token " + lock.fencingToken() + ", " + Html.duration(lock.remaining())
                        + " left)? The holder may still be working: anything it writes after this should be fenced "
                        + "by its token.";
                fields = hidden("owner", lock.owner());
                button = "Force release";
            }
            case "reset-breaker" -> {
                CircuitRecord record;
                try {
                    record = adapter.circuitBreakers().readRecord(key);
                } catch (BackendException e) {
                    return unavailable(store, e);
                }
                if (!record.exists()) {
                    return redirect(store, "breaker-changed");
                }
                question = "Reset breaker <code>" + esc(key) + "</code> (now " + esc(StoreSections.breakerState(
                        record.data())) + ") to closed, on every node?";
                fields = hidden("version", Long.toString(record.version()));
                button = "Reset";
            }
            case "release-claim" -> {
                if (token == null) {
                    return page(Response.Status.BAD_REQUEST, "<p class=\"error\">No claim token.</p>");
                }
                question = "Release the idempotency claim on <code>" + esc(key) + "</code>? The call that claimed it "
                        + "may still be running; the next call with this key runs again.";
                fields = hidden("token", token);
                button = "Release";
            }
            default -> {
                return page(Response.Status.NOT_FOUND, "<p class=\"error\">Unknown action.</p>");
            }
        }
        String csrf = CsrfGuard.token(headers).orElseGet(CsrfGuard::newToken);
        String body = "<h2>Confirm</h2><p id=\"question\">" + question + "</p><form method=\"post\" action=\""
                + esc(actionUri(action)) + "\">" + hidden(CsrfGuard.FIELD, csrf) + hidden("store", store)
                + hidden("key", key) + fields + "<button type=\"submit\" id=\"confirm\">" + button + "</button> "
                + "<a id=\"cancel\" href=\"" + esc(pageUri(Map.of("store", store))) + "\">Cancel</a></form>";
        return withCookie(page(Response.Status.OK, body), csrf);
    }

    @POST
    @Path("release-lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response releaseLock(@FormParam(CsrfGuard.FIELD) String csrf, @FormParam("store") String store,
            @FormParam("key") String key, @FormParam("owner") String owner) {
        return act(csrf, store, key, owner, "owner", adapter -> {
            boolean released = adapter.locks().release(key, owner);
            audit("force-released lock '" + key + "' held by '" + owner + "'", store, released);
            return released ? "lock-released" : "lock-not-held";
        });
    }

    @POST
    @Path("reset-breaker")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resetBreaker(@FormParam(CsrfGuard.FIELD) String csrf, @FormParam("store") String store,
            @FormParam("key") String key, @FormParam("version") String version) {
        return act(csrf, store, key, version, "version", adapter -> {
            long expected;
            try {
                expected = Long.parseLong(version);
            } catch (NumberFormatException e) {
                return "breaker-changed";
            }
            CircuitRecord record = adapter.circuitBreakers().readRecord(key);
            if (!record.exists() || record.version() != expected) {
                return "breaker-changed";
            }
            BreakerDocument document;
            try {
                document = BreakerDocument.read(record.data());
            } catch (RuntimeException notABreaker) {
                return "breaker-unreadable";
            }
            boolean reset = adapter.circuitBreakers().compareAndSetRecord(key, expected, document.reset().write());
            audit("reset breaker '" + key + "' at version " + expected, store, reset);
            return reset ? "breaker-reset" : "breaker-changed";
        });
    }

    @POST
    @Path("release-claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response releaseClaim(@FormParam(CsrfGuard.FIELD) String csrf, @FormParam("store") String store,
            @FormParam("key") String key, @FormParam("token") String token) {
        return act(csrf, store, key, token, "token", adapter -> {
            boolean released = adapter.idempotency().release(key, token);
            audit("released the idempotency claim on '" + key + "'", store, released);
            return released ? "claim-released" : "claim-gone";
        });
    }

    private interface Action {
        String run(PersistenceAdapter adapter);
    }

    /** Checks the caller, the form's token and the fields, then runs {@code action} and shows its outcome. */
    private Response act(String csrf, String store, String key, String detail, String detailName, Action action) {
        Optional<Response> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> forged = CsrfGuard.refusal(headers, csrf);
        if (forged.isPresent()) {
            LOG.log(Level.WARNING, MessageCode.ADMIN_POST_REFUSED.format("go-go-scope operator page: refused a POST"
                    + " by " + caller() + ": " + forged.get()));
            return page(Response.Status.FORBIDDEN, "<p class=\"error\">Refused: " + esc(forged.get()) + ".</p>");
        }
        for (String[] field : new String[][] {{"store", store}, {"key", key}, {detailName, detail}}) {
            if (field[1] == null || field[1].isEmpty()) {
                return page(Response.Status.BAD_REQUEST, "<p class=\"error\">Missing form field '" + field[0]
                        + "'.</p>");
            }
        }
        PersistenceAdapter adapter = stores.all().get(store);
        if (adapter == null) {
            return page(Response.Status.NOT_FOUND, "<p class=\"error\">No store named '" + esc(store) + "'.</p>");
        }
        try {
            return redirect(store, action.run(adapter));
        } catch (BackendException e) {
            return unavailable(store, e);
        }
    }

    /**
     * The store's backend name; a store that cannot be created (e.g. its DataSource not bound yet) is named as such
     * here, and its sections say why.
     */
    private static String backendOf(PersistenceAdapter adapter) {
        try {
            return adapter.backend();
        } catch (RuntimeException unavailable) {
            return "unavailable";
        }
    }

    /** 401 without a caller, 403 without the role; empty when the caller may see the page. */
    private Optional<Response> refusal() {
        if (security.getUserPrincipal() == null) {
            return Optional.of(page(Response.Status.UNAUTHORIZED, "<p class=\"error\">Sign in with the role '"
                    + esc(role()) + "' to see this page.</p>"));
        }
        if (!security.isUserInRole(role())) {
            return Optional.of(page(Response.Status.FORBIDDEN, "<p class=\"error\">" + esc(caller())
                    + " does not have the role '" + esc(role()) + "'.</p>"));
        }
        return Optional.empty();
    }

    private Response unavailable(String store, BackendException e) {
        LOG.log(Level.WARNING, MessageCode.ADMIN_STORE_FAILED.format("go-go-scope operator page: store '" + store
                + "' failed"), e);
        return page(Response.Status.SERVICE_UNAVAILABLE, "<p class=\"error\">Store '" + esc(store)
                + "' failed: " + esc(e.getMessage()) + "</p>");
    }

    private void audit(String what, String store, boolean changed) {
        LOG.log(Level.INFO, "go-go-scope operator page: " + caller() + " " + what + " in store '" + store + "': "
                + (changed ? "done" : "nothing to change"));
    }

    private String caller() {
        return security.getUserPrincipal() == null ? "an anonymous caller" : "'" + security.getUserPrincipal()
                .getName() + "'";
    }

    private String role() {
        return settings.role();
    }

    private UriBuilder base() {
        return uri.getBaseUriBuilder().path(OperatorPage.class);
    }

    /** The page's path with {@code params} as its query, in name order. */
    private String pageUri(Map<String, String> params) {
        StringBuilder out = new StringBuilder(base().build().getRawPath());
        char separator = '?';
        for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
            out.append(separator).append(query(param.getKey())).append('=').append(query(param.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    private String confirmUri(String action, String store, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("action", action);
        all.put("store", store);
        return base().path("confirm").build().getRawPath() + pageUri(all).substring(base().build().getRawPath()
                .length());
    }

    private String actionUri(String action) {
        return base().path(action).build().getRawPath();
    }

    private Response redirect(String store, String done) {
        return Response.seeOther(base().queryParam("store", "{store}").queryParam("done", "{done}")
                .build(store, done)).header("Cache-Control", "no-store").build();
    }

    private Response withCookie(Response response, String csrf) {
        if (CsrfGuard.token(headers).isPresent()) {
            return response;
        }
        return Response.fromResponse(response).cookie(CsrfGuard.cookie(csrf, base().build().getRawPath(),
                "https".equalsIgnoreCase(uri.getBaseUri().getScheme()))).build();
    }

    private Response page(Response.Status status, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>go-go-scope operator"
                + "</title><style>" + STYLE + "</style></head><body><header><h1>go-go-scope</h1><span id=\"caller\">"
                + (security.getUserPrincipal() == null ? "" : "signed in as " + esc(security.getUserPrincipal()
                        .getName())) + "</span></header>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin").build();
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}header{display:flex;gap:1em;\
            align-items:baseline}h1{font-size:1.3em;margin:0}#caller{color:#666}nav a{margin-right:.3em}\
            nav a.current{font-weight:bold}table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ccc;\
            padding:.25em .6em;text-align:left}th{background:#f3f3f3}code,td.key{font-family:ui-monospace,monospace}\
            .notice{background:#e8f5e9;padding:.5em}.error{background:#fdecea;padding:.5em}.OPEN{color:#b71c1c;\
            font-weight:bold}.HALF_OPEN{color:#e65100}.empty{color:#777}section{margin-top:1.2em}""";
}
