package org.gogoscope.cdi;

import java.util.Map;

/** MariaDB 127.0.0.1:3306, database test, root with empty password, MariaDB driver. */
class MariadbBootTest extends BackendBootTest {

    @Override
    protected String backend() {
        return "mariadb";
    }

    @Override
    protected Map<String, String> connection(String store) {
        return Map.of("jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test", "jdbc.user", "root", "jdbc.pool-size", "3");
    }

    @Override
    protected int serverPort() {
        return 3306;
    }
}
