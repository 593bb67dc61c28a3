package org.gogoscope.it.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.gogoscope.it.common.StoreContract;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract on backend {@code sqlite} through Liberty's transactional dataSource {@code jdbc/GogoSQLite}
 * (server.xml: {@code org.sqlite.SQLiteDataSource} on the file {@code target/sqlite/gogoscope.db}, WAL,
 * busy_timeout 10 s). The application configures only the JNDI name.
 */
@ExtendWith(ArquillianExtension.class)
class SqliteStoreIT extends StoreContract {

    @Deployment
    static WebArchive deployment() {
        Deployments.sqliteDirectory();
        return Deployments.storeWar(SqliteStoreIT.class, "sqlite",
                "gogoscope.store.default.datasource=jdbc/GogoSQLite");
    }

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }

    /** The dataSource's connections are in WAL mode and wait up to 10 s for a lock, as server.xml says. */
    @Test
    void theDataSourceUsesWalAndABusyTimeout() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup("jdbc/GogoSQLite");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals("wal", single(statement, "PRAGMA journal_mode"));
            assertEquals("10000", single(statement, "PRAGMA busy_timeout"));
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
