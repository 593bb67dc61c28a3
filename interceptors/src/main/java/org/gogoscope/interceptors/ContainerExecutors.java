package org.gogoscope.interceptors;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;

/**
 * The threads one application-scoped bean runs its background work on: the container's default managed executor
 * where there is one (Jakarta EE: {@code ManagedScheduledExecutorService} / {@code ManagedExecutorService}, found
 * as a CDI bean, else under {@code java:comp/Default…}), otherwise a pool of named daemon threads this object
 * owns. The bean calls {@link #stop} from its {@code @PreDestroy}: an owned pool is shut down; a container's
 * executor is never shut down (it is the server's), only the tasks submitted through this object and not yet done
 * are cancelled. Either way no task of the application runs after it stopped, and no thread of it remains.
 *
 * <p>The container is asked once, on first use, on the application thread that needs a thread (a
 * {@code java:comp} name resolves only there). A container executor that refuses a task for any reason other than
 * this object having stopped (a managed executor may refuse work submitted from a thread it does not know) has the
 * task run on the owned pool instead, so nothing is ever worse than without a container. Hosts without one
 * (Quarkus, Helidon, Weld SE: no such bean, no JNDI, perhaps not even the Concurrency API) get the owned pool.
 * {@code gogoscope.executors=owned} skips the container.
 */
public final class ContainerExecutors implements Executor {

    private static final System.Logger LOG = System.getLogger(ContainerExecutors.class.getName());

    /** Jakarta Concurrency's default executors: the type as a CDI bean, and the name in JNDI. */
    public enum Kind {
        SCHEDULED("jakarta.enterprise.concurrent.ManagedScheduledExecutorService",
                "java:comp/DefaultManagedScheduledExecutorService", ScheduledExecutorService.class),
        PLAIN("jakarta.enterprise.concurrent.ManagedExecutorService",
                "java:comp/DefaultManagedExecutorService", ExecutorService.class);

        final String managedType;
        final String jndiName;
        final Class<? extends ExecutorService> javaType;

        Kind(String managedType, String jndiName, Class<? extends ExecutorService> javaType) {
            this.managedType = managedType;
            this.jndiName = jndiName;
            this.javaType = javaType;
        }
    }

    /** One place a container's executor may be: returns it, {@code null}, or throws when it cannot look. */
    @FunctionalInterface
    public interface Source {
        Object find(Kind kind) throws Exception;
    }

    /** A CDI bean of the managed type (Jakarta EE 11 makes the defaults beans), when the API and one bean exist. */
    static final Source CDI_BEAN = kind -> {
        Class<?> type = Class.forName(kind.managedType, false, ContainerExecutors.class.getClassLoader());
        Instance<?> found = CDI.current().select(type);
        return found.isResolvable() ? found.get() : null;
    };

    /** The default's JNDI name; where there is no naming service this throws a {@code NamingException}. */
    static final Source JNDI = kind -> new InitialContext().lookup(kind.jndiName);

    private final Kind kind;
    private final String threadName;
    private final List<Source> sources;
    private final Set<Future<?>> submitted = ConcurrentHashMap.newKeySet();
    private ExecutorService container; // guarded by this
    private boolean looked; // guarded by this
    private ExecutorService owned; // guarded by this
    private volatile boolean stopped;

    private ContainerExecutors(Kind kind, String threadName, List<Source> sources) {
        this.kind = kind;
        this.threadName = threadName;
        this.sources = sources;
    }

    /**
     * Periodic work: the container's default {@code ManagedScheduledExecutorService}, else one owned thread named
     * {@code threadName}, unless {@code gogoscope.executors=owned}.
     */
    public static ContainerExecutors scheduled(String threadName) {
        return new ContainerExecutors(Kind.SCHEDULED, threadName, sources(MpConfig.current().read(InterceptorProperties.EXECUTORS)));
    }

    /**
     * Short tasks: the container's default {@code ManagedExecutorService}, else a cached pool of owned threads named
     * {@code threadName}, unless {@code gogoscope.executors=owned}.
     */
    public static ContainerExecutors plain(String threadName) {
        return new ContainerExecutors(Kind.PLAIN, threadName, sources(MpConfig.current().read(InterceptorProperties.EXECUTORS)));
    }

    /** A cached pool of owned threads named {@code threadName}, whatever the container has. */
    public static ContainerExecutors owned(String threadName) {
        return new ContainerExecutors(Kind.PLAIN, threadName, List.of());
    }

    /** For tests: looks in {@code sources}, in order. */
    static ContainerExecutors of(Kind kind, String threadName, List<Source> sources) {
        return new ContainerExecutors(kind, threadName, List.copyOf(sources));
    }

    /** Where to look for {@code gogoscope.executors} = {@code mode}: nowhere for {@code owned}. */
    static List<Source> sources(String mode) {
        return "owned".equals(mode) ? List.of() : List.of(CDI_BEAN, JNDI);
    }

    /**
     * The first executor of {@code kind} one of {@code sources} has, or {@code null}. A source that fails (no CDI
     * container, no naming service, the Concurrency API absent, anything else) is skipped.
     */
    static ExecutorService find(Kind kind, List<Source> sources) {
        for (Source source : sources) {
            try {
                Object found = source.find(kind);
                if (kind.javaType.isInstance(found)) {
                    return (ExecutorService) found;
                }
            } catch (Exception | LinkageError e) {
                LOG.log(Level.DEBUG, "gogoscope: no container executor {0} here ({1})", kind.jndiName, e);
            }
        }
        return null;
    }

    /** The container's executor, looked up on first use; {@code null} when there is none. */
    private synchronized ExecutorService container() {
        if (!looked) {
            looked = true;
            container = find(kind, sources);
            LOG.log(Level.DEBUG, "gogoscope: {0} tasks run on {1}", threadName,
                    container == null ? "threads of the application" : "the container's " + kind.jndiName);
        }
        return container;
    }

    /** Whether tasks go to the container's executor (looks it up if not done yet). */
    public boolean usesContainer() {
        return container() != null;
    }

    /** The owned pool, created on first use. */
    private synchronized ExecutorService owned() {
        if (stopped) {
            throw new RejectedExecutionException(threadName + ": the application is stopping");
        }
        if (owned == null) {
            java.util.concurrent.ThreadFactory threads = runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            };
            owned = kind == Kind.SCHEDULED ? Executors.newSingleThreadScheduledExecutor(threads)
                    : Executors.newCachedThreadPool(threads);
        }
        return owned;
    }

    /** Runs {@code task} soon; refused ({@link RejectedExecutionException}) once {@link #stop stopped}. */
    @Override
    public void execute(Runnable task) {
        refuseIfStopped();
        ExecutorService managed = container();
        if (managed != null) {
            try {
                track(managed.submit(task));
                return;
            } catch (RuntimeException refused) {
                LOG.log(Level.DEBUG, "gogoscope: the container refused a {0} task; it runs on an own thread ({1})",
                        threadName, refused);
            }
        }
        owned().execute(task);
    }

    /**
     * Runs {@code task} every {@code period} after {@code initialDelay}, as
     * {@link ScheduledExecutorService#scheduleAtFixedRate} does (a task that throws is not run again). Only for
     * {@link #scheduled} executors.
     */
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        if (kind != Kind.SCHEDULED) {
            throw new IllegalStateException(threadName + " is not a scheduled executor");
        }
        refuseIfStopped();
        ExecutorService managed = container();
        if (managed != null) {
            try {
                return track(((ScheduledExecutorService) managed).scheduleAtFixedRate(task, initialDelay, period,
                        unit));
            } catch (RuntimeException refused) {
                LOG.log(Level.DEBUG, "gogoscope: the container refused a {0} task; it runs on an own thread ({1})",
                        threadName, refused);
            }
        }
        return track(((ScheduledExecutorService) owned()).scheduleAtFixedRate(task, initialDelay, period, unit));
    }

    private void refuseIfStopped() {
        if (stopped) {
            throw new RejectedExecutionException(threadName + ": the application is stopping");
        }
    }

    private <F extends Future<?>> F track(F future) {
        submitted.removeIf(Future::isDone); // few at a time: those of calls in flight
        submitted.add(future);
        if (stopped) { // stop() ran while this was being submitted: it may have missed it
            future.cancel(false);
        }
        return future;
    }

    /**
     * No new task is accepted; the periodic tasks and the container's tasks submitted through this object that did
     * not finish are cancelled (interrupting those running when {@code interrupt}); owned threads end (running tasks
     * are interrupted when {@code interrupt}, else they finish first). The container's executor is left running.
     */
    public void stop(boolean interrupt) {
        stopped = true;
        for (Future<?> future : submitted) {
            future.cancel(interrupt);
        }
        submitted.clear();
        ExecutorService pool;
        synchronized (this) {
            pool = owned;
        }
        if (pool != null) {
            if (interrupt) {
                pool.shutdownNow();
            } else {
                pool.shutdown();
            }
        }
    }

    /** Whether {@link #stop} ran. */
    public boolean isShutdown() {
        return stopped;
    }

    /** Waits at most {@code timeout} for the owned threads, if any, to end after {@link #stop}. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        ExecutorService pool;
        synchronized (this) {
            pool = owned;
        }
        return pool == null || pool.awaitTermination(timeout, unit);
    }
}
