package org.gogoscope.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM running a {@code main} class of these tests on the test class path: another "application
 * process" that can be killed with SIGKILL ({@link #kill9()}). Its stdout lines are queued for
 * {@link #awaitLine}; its stderr goes to a file under {@code target/}. {@link #close()} kills it if alive.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final File err;

    ChildJvm(Class<?> main, String... args) throws IOException {
        this(main, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), args);
    }

    /** A child with extra JVM options (system properties) before the main class. */
    ChildJvm(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        err = new File("target/reliability/" + main.getSimpleName() + "-" + System.nanoTime() + ".err");
        err.getParentFile().mkdirs();
        process = new ProcessBuilder(command).redirectError(err).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died
            }
        }, "child-stdout-" + main.getSimpleName());
        reader.setDaemon(true);
        reader.start();
    }

    /** The next stdout line starting with {@code prefix}, waiting at most {@code millis}. */
    String awaitLine(String prefix, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("child printed no line '" + prefix + "' within " + millis + " ms (alive="
                + process.isAlive() + "), saw: " + seen);
    }

    /** Everything the child wrote to stderr so far. */
    String stderr() throws IOException {
        return java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8);
    }

    /** Every stdout line not yet consumed. */
    List<String> drain() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        seen.addAll(rest);
        return rest;
    }

    /** Kills the JVM with SIGKILL (no shutdown hooks, no finally blocks) and waits until it is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child survived SIGKILL");
        }
    }

    /** Waits for a normal exit; returns the exit code. */
    int awaitExit(long millis) throws InterruptedException {
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within " + millis + " ms; saw: " + seen);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
