package org.gogoscope.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One node of a {@link NodesBenchmark} point, run in a JVM of its own by {@link NodeLauncher}:
 * {@code NodeChild <backend> <contestant> <workload> <threads> <node-index>}.
 *
 * <p>It opens the contestant's client and pool (one per JVM), starts its threads and prints {@code NODES READY}.
 * Then it reads one line {@code GO <start> <from> <to>} (epoch milliseconds, the machine clock every JVM of the
 * point shares): the threads start looping acquire + release at {@code start}, the grants are counted between
 * {@code from} and {@code to}, and at {@code to} the threads stop after their current try (which releases what
 * it was granted). It prints {@code NODES RESULT <grants> <attempts> <errors> <window-nanos>}, then
 * {@code NODES ERROR <message>} for the first exception if there was one, and exits. Any failure before the
 * result is printed as {@code NODES ERROR} and the exit status is 1. Only lines starting with {@code NODES }
 * belong to the protocol; the parent passes anything else through.
 */
public final class NodeChild {

    static final String PREFIX = "NODES ";
    static final String READY = PREFIX + "READY";
    static final String RESULT = PREFIX + "RESULT";
    static final String ERROR = PREFIX + "ERROR";
    static final String GO = "GO";

    /** How long the stopped threads get to finish their last try. */
    private static final long STOP_GRACE_MILLIS = 30_000;

    private final LongAdder grants = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final CountDownLatch start = new CountDownLatch(1);
    private volatile boolean running = true;

    private NodeChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        int status;
        try {
            if (args.length != 5) {
                throw new IllegalArgumentException("usage: NodeChild <backend> <contestant> <workload> <threads> <node-index>");
            }
            new NodeChild().run(Backend.valueOf(args[0]), Contestant.valueOf(args[1]), Workload.valueOf(args[2]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]), out);
            status = 0;
        } catch (Throwable e) {
            out.println(ERROR + " " + oneLine(e));
            e.printStackTrace();
            status = 1;
        }
        out.flush();
        System.exit(status); // pools and drivers may leave non-daemon threads behind
    }

    private void run(Backend backend, Contestant contestant, Workload workload, int threads, int node,
            PrintStream out) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            LockSubject subject = contestant.open(backend, resources);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String key = workload.key(node, t, threads);
                Thread worker = new Thread(() -> loop(subject, key), "node" + node + "-" + t);
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
            out.println(READY);
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (go == null) {
                throw new IllegalStateException("the parent closed stdin before GO");
            }
            String[] times = go.split(" ");
            if (times.length != 4 || !times[0].equals(GO)) {
                throw new IllegalStateException("expected 'GO <start> <from> <to>', got '" + go + "'");
            }
            sleepUntil(Long.parseLong(times[1]));
            start.countDown();
            sleepUntil(Long.parseLong(times[2]));
            long grants0 = grants.sum();
            long attempts0 = attempts.sum();
            long errors0 = errors.sum();
            long t0 = System.nanoTime();
            sleepUntil(Long.parseLong(times[3]));
            long grants1 = grants.sum();
            long attempts1 = attempts.sum();
            long errors1 = errors.sum();
            long t1 = System.nanoTime();
            running = false;
            long deadline = System.currentTimeMillis() + STOP_GRACE_MILLIS;
            for (Thread worker : workers) {
                worker.join(Math.max(1, deadline - System.currentTimeMillis()));
                if (worker.isAlive()) {
                    throw new IllegalStateException(worker.getName() + " still in a lock call "
                            + STOP_GRACE_MILLIS / 1000 + " s after the window ended");
                }
            }
            out.println(RESULT + " " + (grants1 - grants0) + " " + (attempts1 - attempts0) + " "
                    + (errors1 - errors0) + " " + (t1 - t0));
            Throwable first = firstError.get();
            if (first != null) {
                out.println(ERROR + " " + oneLine(first));
            }
        } finally {
            closeAll(resources);
        }
    }

    /** Tries {@code key} until stopped, without pause; a hot key's refused try is simply tried again. */
    private void loop(LockSubject subject, String key) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        while (running) {
            try {
                boolean granted = subject.acquireRelease(key);
                attempts.increment();
                if (granted) {
                    grants.increment();
                }
            } catch (RuntimeException e) {
                errors.increment();
                firstError.compareAndSet(null, e);
            }
        }
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        for (long left = epochMillis - System.currentTimeMillis(); left > 0;
                left = epochMillis - System.currentTimeMillis()) {
            TimeUnit.MILLISECONDS.sleep(left);
        }
    }

    private static String oneLine(Throwable e) {
        return (e.getClass().getName() + ": " + e.getMessage()).replaceAll("\\s+", " ");
    }

    /** Closes each of {@code resources}, reporting a failure on stderr and going on with the others. */
    static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("closing " + resource + ": " + e);
            }
        }
    }
}
