package org.gogoscope.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import org.gogoscope.api.PersistenceAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * Inside a JTA transaction (Narayana, with PostgreSQL XA connections enlisted the way a container's JTA
 * DataSource does it) the adapter does not join the caller's transaction: a lock taken inside a transaction
 * that rolls back is still a lock. The control case shows the same DataSource does join when nothing suspends.
 */
class JtaTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static TransactionManager tm;

    private final List<XAConnection> enlisted = new CopyOnWriteArrayList<>();
    private final List<PersistenceAdapter> adapters = new CopyOnWriteArrayList<>();
    private final String prefix = "jta" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @BeforeAll
    static void narayana() {
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", "target/narayana");
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", "target/narayana");
        tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    @AfterEach
    void close() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        adapters.forEach(PersistenceAdapter::disconnect);
        for (XAConnection connection : enlisted) {
            connection.close();
        }
    }

    private PersistenceAdapter node(JtaSuspender jta) {
        PersistenceAdapter adapter = new SqlAdapter(SqlSettings.dataSource("postgresql", new EnlistingDataSource()),
                prefix, jta);
        adapters.add(adapter);
        adapter.connect();
        return adapter;
    }

    private PersistenceAdapter observer() {
        PersistenceAdapter adapter = new SqlAdapter(TestDatabases.postgresql(), prefix);
        adapters.add(adapter);
        adapter.connect();
        return adapter;
    }

    @Test
    void aLockTakenInARolledBackTransactionIsStillALock() throws Exception {
        PersistenceAdapter node = node(JtaSuspender.suspending(tm));
        tm.begin();
        Transaction caller = tm.getTransaction();
        assertThat(node.locks().acquire("kept", LONG, "alice")).isPresent();
        node.cache().set("written", "v");
        assertThat(tm.getTransaction()).as("the caller's transaction is resumed").isSameAs(caller);
        tm.rollback();
        assertThat(enlisted).as("no connection was enlisted").isEmpty();
        assertThat(observer().locks().acquire("kept", LONG, "bob")).isEmpty();
        assertThat(observer().cache().get("written", String.class)).contains("v");
    }

    @Test
    void controlWithoutSuspendingTheSameDataSourceJoinsAndRollsBack() throws Exception {
        PersistenceAdapter node = node(JtaSuspender.NONE);
        tm.begin();
        assertThat(node.locks().acquire("joined", LONG, "alice")).isPresent();
        tm.rollback();
        assertThat(enlisted).as("the connection was enlisted").isNotEmpty();
        assertThat(observer().locks().acquire("joined", LONG, "bob")).as("rolled back with the caller").isPresent();
    }

    /** What a container's JTA DataSource does: inside a transaction, hand out a connection enlisted in it. */
    private final class EnlistingDataSource implements DataSource {
        private final PGXADataSource xa = new PGXADataSource();
        private final PGSimpleDataSource plain = new PGSimpleDataSource();

        EnlistingDataSource() {
            SqlSettings settings = TestDatabases.postgresql();
            xa.setURL(settings.jdbcUrl());
            plain.setURL(settings.jdbcUrl());
            if (settings.user() != null) {
                xa.setUser(settings.user());
                plain.setUser(settings.user());
            }
            if (settings.password() != null) {
                xa.setPassword(settings.password());
                plain.setPassword(settings.password());
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                Transaction transaction = tm.getTransaction();
                if (transaction == null) {
                    return plain.getConnection();
                }
                XAConnection connection = xa.getXAConnection();
                enlisted.add(connection);
                transaction.enlistResource(connection.getXAResource());
                return connection.getConnection();
            } catch (jakarta.transaction.SystemException | jakarta.transaction.RollbackException e) {
                throw new SQLException(e);
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
