package org.gogoscope.it.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gogoscope.it.common.Http;
import org.gogoscope.it.helidon.sample.SampleApp;
import org.junit.jupiter.api.Test;

/**
 * The sample application ({@link SampleApp}) started in JVM mode, as a user would start it: its own JVM
 * ({@code helidon.java}) on the module's test class path ({@code target/test-classpath.txt}). Started well, it
 * serves {@code @Idempotent} and {@code @Locked} over HTTP and its store is UP on {@code /health/ready}; started
 * with a {@code datasource-bean} no DataSource has, it does not start, and the reason names the property
 * ({@code GOGO-0111}). Each start costs a JVM and a Helidon boot (about 3 to 8 s here).
 */
class SampleAppIT {

    private static final Pattern READY = Pattern.compile("SAMPLE-READY port=(\\d+)");

    @Test
    void theSampleStartsInJvmModeAndServesTheAnnotations() throws Exception {
        Process app = start("sample-app.properties", "-Dserver.port=0", "-Dgogoscope.store.default.key-prefix="
                + Stores.uniquePrefix("sample"), "-Dgogoscope.store.default.jdbc.url=" + Stores.sqliteUrl("sample.db"));
        try {
            long started = System.nanoTime();
            Output output = Output.of(app);
            String ready = output.await(READY, 90);
            URL base = URI.create("http://127.0.0.1:" + port(ready) + "/").toURL();
            System.out.printf("sample ready after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            Http.Reply health = Http.get(base, "health/ready");
            assertEquals(200, health.status(), health.body());
            assertTrue(health.body().contains("gogoscope-store-default") && health.body().contains("\"sqlite\""),
                    health.body());

            Http.Reply first = Http.post(base, "tickets/7");
            assertEquals(200, first.status(), first.body());
            assertEquals("booked 7 as booking 1", first.body());
            assertEquals(first.body(), Http.post(base, "tickets/7").body(), "the repeat must replay the first answer");
            assertEquals("booked 8 as booking 2", Http.post(base, "tickets/8").body(), "a new id runs the method");

            Http.Reply report = Http.get(base, "tickets/report");
            assertEquals(200, report.status(), report.body());
            assertTrue(report.body().matches("report under fencing token \\d+"), report.body());
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDataSourceBeanNoDataSourceHasStopsTheStartNamingTheProperty() throws Exception {
        Process app = start("sample-app-missing-bean.properties");
        Output output = Output.of(app);
        assertTrue(app.waitFor(90, TimeUnit.SECONDS), "the misconfigured sample is still running:\n" + output.text());
        String text = output.text();
        assertEquals(1, app.exitValue(), text);
        assertTrue(text.contains("SAMPLE-FAILED"), text);
        assertTrue(text.contains("GOGO-0111"), text);
        assertTrue(text.contains("gogoscope.store.default.datasource-bean"), text);
        assertTrue(!text.contains("SAMPLE-READY"), text);
    }

    private static Process start(String config, String... properties) throws IOException {
        String classpath = Files.readString(Path.of(System.getProperty("test.classpath.file"))).trim()
                + java.io.File.pathSeparator + System.getProperty("test.classes.dir");
        List<String> command = new ArrayList<>(List.of(System.getProperty("helidon.java"), "-cp", classpath,
                "-Dsample.config=" + config));
        command.addAll(List.of(properties));
        command.add(SampleApp.class.getName());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int port(String readyLine) {
        Matcher matcher = READY.matcher(readyLine);
        assertTrue(matcher.find(), readyLine);
        return Integer.parseInt(matcher.group(1));
    }

    /** The child's merged output, read on a thread of its own so the child never blocks on a full pipe. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final CompletableFuture<Void> done;

        private Output(Process process) {
            done = CompletableFuture.runAsync(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        synchronized (text) {
                            text.append(line).append('\n');
                            text.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    text.append("(output closed: ").append(e).append(")\n");
                }
            });
        }

        static Output of(Process process) {
            return new Output(process);
        }

        /** The first line matching {@code pattern}, waiting at most {@code seconds}. */
        String await(Pattern pattern, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (text) {
                while (true) {
                    Matcher matcher = pattern.matcher(text);
                    if (matcher.find()) {
                        return matcher.group();
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || done.isDone() && !pattern.matcher(text).find()) {
                        throw new AssertionError("no " + pattern + " within " + seconds + " s:\n" + text);
                    }
                    text.wait(Math.min(left, 500));
                }
            }
        }

        String text() {
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the output so far
            }
            return text.toString();
        }
    }
}
