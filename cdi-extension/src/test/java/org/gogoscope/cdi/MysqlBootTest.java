package org.gogoscope.cdi;

import java.util.Map;

/** Backend {@code mysql} with MySQL Connector/J, against the MariaDB server (MySQL proper is not in Debian). */
class MysqlBootTest extends BackendBootTest {

    @Override
    protected String backend() {
        return "mysql";
    }

    @Override
    protected Map<String, String> connection(String store) {
        return Map.of("jdbc.url", "jdbc:mysql://127.0.0.1:3306/test", "jdbc.user", "root", "jdbc.pool-size", "3");
    }

    @Override
    protected int serverPort() {
        return 3306;
    }
}
