package org.gogoscope.interceptors.locked;

import java.lang.System.Logger.Level;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * The JTA transaction of the thread on which a guarded call ends, if it has one. An EJB's container-managed
 * transaction (a {@code @Schedule} timer's too) and a transaction the caller began are still open when the
 * interceptor's {@code proceed()} returns: the call's lock is then released (or handed to its minimum hold) only
 * after that transaction completes, so no other node takes the lock and reads state the call wrote but has not
 * committed yet.
 *
 * <p>Found through the standard {@code java:comp/TransactionSynchronizationRegistry} (WildFly's server-wide
 * {@code java:jboss/TransactionSynchronizationRegistry} second: a thread the server did not start has no
 * {@code java:comp}). Where there is none (no JTA API on the class path, no JNDI as on Java SE, Quarkus or Helidon)
 * {@link #NONE} ends every call at once, as it would without a transaction. No type of {@code jakarta.transaction}
 * appears outside {@link Jta}, which is loaded only once the API is known to be there.
 */
abstract class CallerTransaction {

    private static final System.Logger LOG = System.getLogger(CallerTransaction.class.getName());

    /** The JNDI name of the registry, the same on every Jakarta EE server. */
    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    /** Where else to look: WildFly binds it server-wide, visible from any thread. */
    private static final String[] NAMES = {REGISTRY, "java:jboss/TransactionSynchronizationRegistry"};

    /** No JTA here: every call ends at once. */
    static final CallerTransaction NONE = new CallerTransaction() {
        @Override
        boolean runAfterCompletion(Runnable end) {
            return false;
        }
    };

    /**
     * Runs {@code end} once the current thread's transaction has completed (committed or rolled back), on whatever
     * thread the transaction manager completes it. Returns false, registering nothing, when the thread has no
     * transaction that can still complete (none, or one already completing): the caller then ends at once.
     * A transaction marked for rollback counts as one that can still complete: it rolls back later.
     */
    abstract boolean runAfterCompletion(Runnable end);

    /**
     * The registry, {@link #NONE} where there can be none (no JTA API, no JNDI), or null when this thread found it
     * under no name: a thread the server did not start sees no {@code java:comp}, so a later look-up may succeed.
     */
    static CallerTransaction find() {
        try {
            Class.forName("jakarta.transaction.TransactionSynchronizationRegistry", false,
                    CallerTransaction.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "No JTA API: @Locked calls end when the method returns");
            return NONE;
        }
        return Jta.lookup();
    }

    /** Through the container's {@code TransactionSynchronizationRegistry}. */
    private static final class Jta extends CallerTransaction {
        private final jakarta.transaction.TransactionSynchronizationRegistry registry;

        private Jta(jakarta.transaction.TransactionSynchronizationRegistry registry) {
            this.registry = registry;
        }

        static CallerTransaction lookup() {
            for (String name : NAMES) {
                try {
                    if (new InitialContext().lookup(name)
                            instanceof jakarta.transaction.TransactionSynchronizationRegistry registry) {
                        return new Jta(registry);
                    }
                } catch (NoInitialContextException e) {
                    LOG.log(Level.DEBUG, "No JNDI: @Locked calls end when the method returns");
                    return NONE;
                } catch (NamingException | RuntimeException e) {
                    // not bound, or not visible from this thread: try the next name
                }
            }
            return null;
        }

        @Override
        boolean runAfterCompletion(Runnable end) {
            try {
                int status = registry.getTransactionStatus();
                if (status != jakarta.transaction.Status.STATUS_ACTIVE
                        && status != jakarta.transaction.Status.STATUS_MARKED_ROLLBACK) {
                    return false;
                }
                // interposed: the kind a library registers without the Transaction object; its afterCompletion
                // runs once the outcome is decided, before the ordinary synchronizations' afterCompletion
                registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        // nothing to do before the outcome is known
                    }

                    @Override
                    public void afterCompletion(int outcome) {
                        end.run();
                    }
                });
                return true;
            } catch (RuntimeException e) {
                // IllegalStateException: a transaction marked for rollback may refuse synchronizations (Narayana
                // does); it commits nothing, so ending at once is right
                LOG.log(Level.DEBUG, "The caller's transaction took no synchronization ({0}): the lock ends at once",
                        e.toString());
                return false;
            }
        }
    }
}
