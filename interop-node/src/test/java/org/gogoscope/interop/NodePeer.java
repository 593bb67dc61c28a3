package org.gogoscope.interop;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Node service on go-go-scope's own published adapter ({@code @go-go-scope/persistence-mysql} or
 * {@code -mongodb}), running as a child process ({@code node/peer.mjs}) that the test drives one request at a time.
 * Each instance is one Node node; two instances are two nodes. See the module's README for the protocol.
 *
 * <p>The adapter's {@code connect()} (which creates the tables or indexes) runs only when the test calls
 * {@link #connect()}. A request the adapter fails is a {@link NodeError} carrying the Node message and code.
 */
public final class NodePeer implements AutoCloseable {

    /** How long one request may take before the peer is killed and the test fails. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static final Path BASEDIR = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path SCRIPTS = BASEDIR.resolve("node");
    private static final Path INSTALL = BASEDIR.resolve("target").resolve("node");

    private static boolean installed;

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private final StringBuffer stderr = new StringBuffer();
    private final ExecutorService reader;
    private boolean closed;

    /** A Node node on MariaDB/MySQL through {@code MySQLAdapter} (mysql2 pool with {@code timezone: 'Z'}). */
    public static NodePeer mysql(String host, int port, String user, String password, String database,
            String keyPrefix) {
        JsonObject options = Json.createObjectBuilder()
                .add("host", host).add("port", port).add("user", user).add("password", password == null ? "" : password)
                .add("database", database).add("keyPrefix", keyPrefix == null ? "" : keyPrefix).build();
        return new NodePeer("mysql", options);
    }

    /** A Node node on MongoDB through {@code MongoDBAdapter} (the MongoDB Node driver 6). */
    public static NodePeer mongodb(String uri, String database, String keyPrefix) {
        JsonObject options = Json.createObjectBuilder()
                .add("uri", uri).add("database", database).add("keyPrefix", keyPrefix == null ? "" : keyPrefix).build();
        return new NodePeer("mongodb", options);
    }

    /**
     * Runs {@code node/setup.sh target/node} once per JVM (a no-op when its marker is there). A failure is an
     * {@link IllegalStateException} with npm's output: these tests never skip.
     */
    public static synchronized Path install() {
        if (installed) {
            return INSTALL;
        }
        Path script = SCRIPTS.resolve("setup.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " not found (system property basedir=" + BASEDIR + ")");
        }
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), INSTALL.toString()).redirectErrorStream(true);
        String output;
        int exit;
        try {
            Process setup = builder.start();
            setup.getOutputStream().close();
            // read everything (setup.sh writes npm's output here) before waiting, so a full pipe cannot block it
            output = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!setup.waitFor(10, TimeUnit.MINUTES)) {
                setup.destroyForcibly();
                throw new IllegalStateException("node/setup.sh did not finish within 10 minutes:\n" + output);
            }
            exit = setup.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + " (is bash installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
        if (exit != 0) {
            throw new IllegalStateException("node/setup.sh " + INSTALL + " failed with exit code " + exit
                    + "; Node and npm (registry access) are needed by this module. Output:\n" + output);
        }
        installed = true;
        return INSTALL;
    }

    private NodePeer(String kind, JsonObject options) {
        Path modules = install();
        this.name = "node-" + kind + "-peer";
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPTS.resolve("peer.mjs").toString(), kind,
                options.toString());
        builder.environment().put("NODE_PEER_MODULES", modules.toString());
        builder.directory(modules.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (is Node on the PATH? bash .ci/services.sh installs it)", e);
        }
        stdin = process.getOutputStream();
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread errors = new Thread(() -> copyStderr(process.getErrorStream()), name + "-stderr");
        errors.setDaemon(true);
        errors.start();
        reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name + "-stdout");
            thread.setDaemon(true);
            return thread;
        });
    }

    private void copyStderr(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                stderr.append(line).append('\n');
            }
        } catch (IOException e) {
            stderr.append("(stderr unreadable: ").append(e).append(")\n");
        }
    }

    /** What the peer has written to stderr so far (Node's stack traces of failed requests, driver warnings). */
    public String stderr() {
        return stderr.toString();
    }

    /**
     * Sends one request and returns its {@code result}. {@code ok:false} is a {@link NodeError}; no answer within
     * {@link #CALL_TIMEOUT}, or the process gone, kills the peer and is an {@link AssertionError} naming the op.
     */
    public synchronized JsonValue call(String op, Map<String, ?> args) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("op", op);
        if (args != null) {
            args.forEach((k, v) -> request.add(k, toJson(v)));
        }
        return send(op, request.build());
    }

    /** Sends one request whose members besides {@code op} are those of {@code args}. */
    public synchronized JsonValue call(String op, JsonObject args) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("op", op);
        if (args != null) {
            args.forEach(request::add);
        }
        return send(op, request.build());
    }

    private JsonValue send(String op, JsonObject request) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        String line;
        try {
            stdin.write((request.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Future<String> answer = reader.submit(stdout::readLine);
            line = answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            throw new AssertionError(name + ": no answer to " + op + " within " + CALL_TIMEOUT.toSeconds()
                    + " s; peer killed. Request: " + request + "\nstderr so far:\n" + stderr());
        } catch (IOException | ExecutionException e) {
            kill();
            throw new AssertionError(name + ": lost the peer while sending " + request + ": " + e
                    + "\nstderr:\n" + stderr(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError(name + ": interrupted waiting for " + op, e);
        }
        if (line == null) {
            kill();
            throw new AssertionError(name + ": the peer exited (" + exitText() + ") without answering " + request
                    + "\nstderr:\n" + stderr());
        }
        JsonObject response;
        try (JsonReader json = Json.createReader(new StringReader(line))) {
            response = json.readObject();
        } catch (RuntimeException e) {
            kill();
            throw new AssertionError(name + ": answered " + op + " with a line that is not a JSON object: " + line
                    + "\nstderr:\n" + stderr(), e);
        }
        if (response.getBoolean("ok", false)) {
            return response.getOrDefault("result", JsonValue.NULL);
        }
        JsonValue code = response.getOrDefault("code", JsonValue.NULL);
        throw new NodeError(op, response.getString("error", response.toString()),
                code.getValueType() == JsonValue.ValueType.NULL ? null
                        : code instanceof JsonString s ? s.getString() : code.toString());
    }

    private String exitText() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private void kill() {
        closed = true;
        process.destroyForcibly();
        reader.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the adapter's operations

    /** The adapter's {@code connect()}: tables (MySQL) or indexes (MongoDB). */
    public void connect() {
        call("connect", Map.of());
    }

    /** {@code acquire(key, ttl)}; true when granted (the peer keeps the handle for release / extend). */
    public boolean acquire(String key, long ttlMillis) {
        return bool("acquire", call("acquire", Map.of("key", key, "ttl", ttlMillis)));
    }

    /** {@code acquire(key, ttl, owner)} with an explicit owner. */
    public boolean acquire(String key, long ttlMillis, String owner) {
        return bool("acquire", call("acquire", Map.of("key", key, "ttl", ttlMillis, "owner", owner)));
    }

    /** The kept handle's {@code release()}; false when this peer holds no handle for the key. */
    public boolean release(String key) {
        return bool("release", call("release", Map.of("key", key)));
    }

    /** The kept handle's {@code extend(ttl)}; false without a handle. */
    public boolean extend(String key, long ttlMillis) {
        return bool("extend", call("extend", Map.of("key", key, "ttl", ttlMillis)));
    }

    /** The kept handle's {@code isValid()}; false without a handle. */
    public boolean isValid(String key) {
        return bool("isValid", call("isValid", Map.of("key", key)));
    }

    /** {@code forceRelease(key)}: deletes the lock whoever holds it. */
    public void forceRelease(String key) {
        call("forceRelease", Map.of("key", key));
    }

    /** The cached JSON value, {@link JsonValue#NULL} when absent. */
    public JsonValue cacheGet(String key) {
        return call("get", Map.of("key", key));
    }

    /** {@code set(key, value, ttl)}; {@code ttlMillis} null for no expiry. */
    public void cacheSet(String key, JsonValue value, Long ttlMillis) {
        JsonObjectBuilder args = Json.createObjectBuilder().add("key", key).add("value", value);
        if (ttlMillis != null) {
            args.add("ttl", ttlMillis);
        }
        call("set", args.build());
    }

    public boolean cacheHas(String key) {
        return bool("has", call("has", Map.of("key", key)));
    }

    public void cacheDelete(String key) {
        call("delete", Map.of("key", key));
    }

    /** {@code keys(pattern)} sorted; {@code pattern} null for all of this peer's prefix. */
    public List<String> cacheKeys(String pattern) {
        JsonObjectBuilder args = Json.createObjectBuilder();
        if (pattern != null) {
            args.add("pattern", pattern);
        }
        List<String> keys = new ArrayList<>();
        for (JsonValue key : array("keys", call("keys", args.build()))) {
            keys.add(((JsonString) key).getString());
        }
        return keys;
    }

    public void cacheClear() {
        call("clear", Map.of());
    }

    /** The adapter's circuit state object ({@code state, failureCount, lastFailureTime?, lastSuccessTime?}) or null. */
    public JsonObject getState(String key) {
        return objectOrNull("getState", call("getState", Map.of("key", key)));
    }

    public void setState(String key, JsonObject state) {
        call("setState", Json.createObjectBuilder().add("key", key).add("state", state).build());
    }

    /** {@code recordFailure(key, maxFailures)}: the failure count after it. */
    public int recordFailure(String key, int maxFailures) {
        JsonValue count = call("recordFailure", Map.of("key", key, "maxFailures", maxFailures));
        if (!(count instanceof JsonNumber number)) {
            throw new AssertionError(name + ": recordFailure answered " + count + ", not a number");
        }
        return number.intValueExact();
    }

    public void recordSuccess(String key) {
        call("recordSuccess", Map.of("key", key));
    }

    /** {@code save(checkpoint)}: {@code id, taskId, sequence, timestamp, progress, data, estimatedTimeRemaining?}. MySQL only. */
    public void saveCheckpoint(JsonObject checkpoint) {
        call("save", Json.createObjectBuilder().add("checkpoint", checkpoint).build());
    }

    public JsonObject loadCheckpoint(String id) {
        return objectOrNull("load", call("load", Map.of("id", id)));
    }

    public JsonObject loadLatest(String taskId) {
        return objectOrNull("loadLatest", call("loadLatest", Map.of("taskId", taskId)));
    }

    /** The task's checkpoints, by sequence ascending. */
    public List<JsonObject> listCheckpoints(String taskId) {
        List<JsonObject> checkpoints = new ArrayList<>();
        for (JsonValue checkpoint : array("list", call("list", Map.of("taskId", taskId)))) {
            checkpoints.add(checkpoint.asJsonObject());
        }
        return checkpoints;
    }

    /** Keeps the {@code keep} highest sequences of the task. */
    public void cleanup(String taskId, int keep) {
        call("cleanup", Map.of("taskId", taskId, "keepCount", keep));
    }

    public void deleteAll(String taskId) {
        call("deleteAll", Map.of("taskId", taskId));
    }

    /** Sends {@code exit} (the peer closes its pool or client), waits for the process, then makes sure it is gone. */
    @Override
    public synchronized void close() {
        if (!closed) {
            try {
                send("exit", Json.createObjectBuilder().add("op", "exit").build());
            } catch (RuntimeException | AssertionError e) {
                stderr.append("(exit failed: ").append(e.getMessage()).append(")\n");
            }
            closed = true;
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            reader.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private boolean bool(String op, JsonValue value) {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new AssertionError(name + ": " + op + " answered " + value + ", not a boolean");
    }

    private JsonArray array(String op, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new AssertionError(name + ": " + op + " answered " + value + ", not an array");
        }
        return value.asJsonArray();
    }

    private JsonObject objectOrNull(String op, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new AssertionError(name + ": " + op + " answered " + value + ", not an object or null");
        }
        return value.asJsonObject();
    }

    private static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.createValue(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        throw new IllegalArgumentException("not a JSON argument: " + value.getClass().getName() + " " + value);
    }

    /** {@code ok:false} from the peer: the Node error's message and its {@code code} (e.g. {@code ER_DUP_ENTRY}, 11000). */
    public static final class NodeError extends RuntimeException {
        private final String op;
        private final String code;

        NodeError(String op, String message, String code) {
            super("Node peer failed " + op + ": " + message + (code == null ? "" : " (code " + code + ")"));
            this.op = op;
            this.code = code;
        }

        public String op() {
            return op;
        }

        public String code() {
            return code;
        }
    }
}
