package org.gogoscope.interceptors.locked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.TransactionManager;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;
import org.gogoscope.api.LockInfo;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.interceptors.Nodes;
import org.gogoscope.interceptors.TestStores;
import org.gogoscope.interceptors.locked.JobBeans.Job;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lock outlives the caller's JTA transaction: a call that returns inside a transaction (as an EJB's
 * container-managed one, or an EJB timer's, is still open when the interceptor's {@code proceed()} returns) keeps
 * its lock until the transaction completes. The transaction manager is a real one (Narayana), found the way a
 * server publishes it, under {@code java:comp/TransactionSynchronizationRegistry} (the JNDI context is the test's).
 */
class LockedTransactionTest {

    private static TransactionManager tm;

    @RegisterExtension
    final Nodes nodes = new Nodes();

    private Job job;
    private LockProvider observer;

    @BeforeAll
    static void narayana() {
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", "target/narayana");
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", "target/narayana");
        tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    @BeforeEach
    void nodes() {
        nodes.config(Map.of(Context.INITIAL_CONTEXT_FACTORY, RegistryNaming.class.getName()));
        job = nodes.start(Job.class).select(Job.class).get();
        observer = nodes.start(Job.class).select(LockProvider.class).get();
    }

    @AfterEach
    void noTransactionLeft() throws Exception {
        RegistryNaming.hidden = false;
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
    }

    @Test
    void theLockIsHeldUntilTheCallersTransactionCommits() throws Exception {
        tm.begin();
        long token = job.inTransaction("1");
        assertThat(observer.inspect("tx-1")).as("returned, but its transaction is still open")
                .map(LockInfo::fencingToken).contains(token);
        Thread.sleep(200);
        assertThat(observer.inspect("tx-1")).as("still open 200 ms later").isPresent();
        tm.commit();
        assertThat(observer.inspect("tx-1")).as("released by the commit").isEmpty();
    }

    @Test
    void aRollbackEndsTheLockToo() throws Exception {
        tm.begin();
        assertThatThrownBy(() -> job.failsInTransaction("2")).hasMessage("job failed");
        assertThat(observer.inspect("tx-2")).as("the transaction has not rolled back yet").isPresent();
        tm.rollback();
        assertThat(observer.inspect("tx-2")).isEmpty();
    }

    @Test
    void theWatchdogKeepsTheLockUntilTheCommit() throws Exception {
        tm.begin();
        job.watchedInTransaction("3");
        Thread.sleep(700); // more than twice the 300 ms TTL
        assertThat(observer.inspect("tx-3")).as("kept alive while the transaction is open").isPresent();
        tm.commit();
        assertThat(observer.inspect("tx-3")).isEmpty();
        Thread.sleep(400);
        assertThat(observer.inspect("tx-3")).as("and the watchdog stopped with the commit").isEmpty();
    }

    @Test
    void theMinimumHoldBeginsAtTheGrantAndIsHandedOverAtTheCommit() throws Exception {
        long started = System.nanoTime();
        tm.begin();
        job.heldInTransaction("4");
        Thread.sleep(100);
        assertThat(observer.inspect("tx-4")).map(LockInfo::remaining).as("the 5 s TTL until the commit")
                .hasValueSatisfying(left -> assertThat(left).isGreaterThan(Duration.ofSeconds(4)));
        tm.commit();
        assertThat(observer.inspect("tx-4")).map(LockInfo::remaining).as("what remains of 500 ms after the commit")
                .hasValueSatisfying(left -> assertThat(left).isLessThanOrEqualTo(Duration.ofMillis(450)));
        while (observer.inspect("tx-4").isPresent()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            Thread.sleep(10);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aSecondCallForTheSameKeyInTheSameTransactionFindsTheLockHeldUntilTheCommit() throws Exception {
        tm.begin();
        job.inTransaction("10");
        assertThatThrownBy(() -> job.inTransaction("10")).as("each call has its own owner")
                .isInstanceOf(LockNotAcquiredException.class);
        tm.commit();
        assertThat(job.inTransaction("10")).as("free after the commit").isPositive();
    }

    @Test
    void withoutATransactionTheLockEndsWhenTheMethodReturns() throws Exception {
        job.inTransaction("5");
        assertThat(observer.inspect("tx-5")).isEmpty();
    }

    @Test
    void aCompletionStageEndsWithTheStageNotWithTheTransaction() throws Exception {
        tm.begin();
        long token = job.runAsync(6).toCompletableFuture().get(5, TimeUnit.SECONDS);
        Thread.sleep(600); // past the stage's 400 ms minimum hold
        assertThat(observer.inspect("async-6")).as("token " + token + " ended with its stage").isEmpty();
        tm.commit();
    }

    @Test
    void aThreadThatSeesNoRegistryDoesNotHideItFromLaterCalls() throws Exception {
        RegistryNaming.hidden = true; // as from a thread the server did not start: no java:comp
        Job other = nodes.start(Job.class).select(Job.class).get();
        tm.begin();
        other.inTransaction("7");
        assertThat(observer.inspect("tx-7")).as("no registry seen: ended at once").isEmpty();
        tm.commit();
        RegistryNaming.hidden = false;
        Thread.sleep(1100); // the next look-up is at most a second later
        tm.begin();
        other.inTransaction("8");
        assertThat(observer.inspect("tx-8")).as("found now: held until the commit").isPresent();
        tm.commit();
        assertThat(observer.inspect("tx-8")).isEmpty();
    }

    @Test
    void aFailingReleaseAfterTheCommitIsLoggedNotThrownIntoTheTransactionManager() throws Exception {
        WeldContainer node = nodes.start(Job.class);
        Job alone = node.select(Job.class).get();
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LockedInterceptor.class.getName());
        logger.addHandler(handler);
        try {
            tm.begin();
            alone.inTransaction("9");
            node.select(TestStores.class).get().loseBackend();
            tm.commit(); // must not throw: the release failed after the outcome was decided
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(logged).as("logged").anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
            assertThat(record.getMessage()).startsWith("GOGO-0509: Releasing lock 'tx-9' failed");
            assertThat(record.getThrown()).isNotNull();
        });
        assertThat(observer.inspect("tx-9")).as("left to its 30 s TTL").isPresent();
    }

    /** A JNDI context holding only Narayana's registry, under the name every Jakarta EE server uses. */
    public static final class RegistryNaming implements InitialContextFactory {
        private static final Object REGISTRY =
                new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();
        static volatile boolean hidden;

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(RegistryNaming.class.getClassLoader(),
                    new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "lookup" -> {
                            if (hidden || !CallerTransaction.REGISTRY.equals(String.valueOf(args[0]))) {
                                throw new NameNotFoundException(args[0] + " not found");
                            }
                            yield REGISTRY;
                        }
                        case "close" -> null;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new OperationNotSupportedException(method.getName());
                    });
        }
    }
}
