package org.gogoscope.cdi;

import java.util.Map;

/** PostgreSQL 127.0.0.1:5432, database test, user postgres. */
class PostgresqlBootTest extends BackendBootTest {

    @Override
    protected String backend() {
        return "postgresql";
    }

    @Override
    protected Map<String, String> connection(String store) {
        return Map.of("jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test", "jdbc.user", "postgres",
                "jdbc.pool-size", "3");
    }

    @Override
    protected int serverPort() {
        return 5432;
    }
}
