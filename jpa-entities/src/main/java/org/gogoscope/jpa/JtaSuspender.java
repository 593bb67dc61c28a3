package org.gogoscope.jpa;

import java.util.function.Supplier;
import java.lang.System.Logger.Level;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.gogoscope.api.MessageCode;

/**
 * Keeps the library's statements out of a caller's JTA transaction: a lock taken inside a transaction that
 * later rolls back is still a lock. With a container DataSource the active transaction (if any) is suspended
 * around each statement through the container's {@code jakarta.transaction.TransactionManager}, found under
 * the usual JNDI names; with a HikariCP pool nothing is ever enlisted, so nothing needs suspending.
 */
abstract class JtaSuspender {

    private static final System.Logger LOG = System.getLogger(JtaSuspender.class.getName());

    /** JNDI names under which servers publish their TransactionManager. */
    static final String[] TRANSACTION_MANAGER_NAMES = {
        "java:comp/TransactionManager", // Jakarta EE (Payara/GlassFish also: java:appserver/TransactionManager)
        "java:appserver/TransactionManager",
        "java:jboss/TransactionManager", // WildFly
        "java:/TransactionManager",
        "java:comp/env/TransactionManager"};

    /** For pools the library owns: connections are never enlisted. */
    static final JtaSuspender NONE = new JtaSuspender() {
        @Override
        <T> T outsideTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    abstract <T> T outsideTransaction(Supplier<T> work);

    /** Suspends through {@code manager}. */
    static JtaSuspender suspending(jakarta.transaction.TransactionManager manager) {
        return new Suspending(manager);
    }

    /**
     * For a DataSource taken from a CDI bean ({@code datasource-bean}): the runtime that gives DataSources as beans
     * (Quarkus, Helidon) has no JNDI, and gives its TransactionManager as a bean too: suspends through the
     * unqualified one. Null when there is none, so the JNDI names are tried ({@link #forContainer()}).
     */
    static JtaSuspender forBeans(org.gogoscope.core.spi.AdapterSettings settings) {
        try {
            Class.forName("jakarta.transaction.TransactionManager");
        } catch (ClassNotFoundException e) {
            return null;
        }
        return settings.bean(jakarta.transaction.TransactionManager.class,
                org.gogoscope.core.spi.AdapterSettings.DEFAULT_STORE).map(JtaSuspender::suspending).orElse(null);
    }

    /** For a container DataSource: suspends through the TransactionManager when one can be found. */
    static JtaSuspender forContainer() {
        try {
            Class.forName("jakarta.transaction.TransactionManager");
        } catch (ClassNotFoundException e) {
            return NONE;
        }
        for (String name : TRANSACTION_MANAGER_NAMES) {
            try {
                Object found = new InitialContext().lookup(name);
                if (found instanceof jakarta.transaction.TransactionManager manager) {
                    return new Suspending(manager);
                }
            } catch (javax.naming.NoInitialContextException e) {
                return NONE; // Java SE without JNDI: no container, no JTA
            } catch (NamingException | RuntimeException e) {
                // try the next name
            }
        }
        LOG.log(Level.WARNING, MessageCode.NO_TRANSACTION_MANAGER.format("No JTA TransactionManager found under "
                + String.join(", ", TRANSACTION_MANAGER_NAMES) + "; use a non-JTA DataSource so that coordination "
                + "statements never join application transactions"));
        return NONE;
    }

    private static final class Suspending extends JtaSuspender {
        private final jakarta.transaction.TransactionManager manager;

        Suspending(jakarta.transaction.TransactionManager manager) {
            this.manager = manager;
        }

        @Override
        <T> T outsideTransaction(Supplier<T> work) {
            jakarta.transaction.Transaction suspended;
            try {
                suspended = manager.getTransaction() == null ? null : manager.suspend();
            } catch (jakarta.transaction.SystemException e) {
                throw new SqlFailure("cannot suspend the caller's JTA transaction", e);
            }
            try {
                return work.get();
            } finally {
                if (suspended != null) {
                    try {
                        manager.resume(suspended);
                    } catch (jakarta.transaction.InvalidTransactionException
                            | jakarta.transaction.SystemException e) {
                        throw new SqlFailure("cannot resume the caller's JTA transaction", e);
                    }
                }
            }
        }
    }
}
