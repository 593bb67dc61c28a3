package org.gogoscope.cdi;

import java.nio.file.Path;
import java.util.Map;

/** SQLite: a file under target/; the leak check counts open descriptors on it. */
class SqliteBootTest extends BackendBootTest {

    @Override
    protected String backend() {
        return "sqlite";
    }

    @Override
    protected Map<String, String> connection(String store) {
        return Map.of("jdbc.url", "jdbc:sqlite:target/cdi-" + store + ".db");
    }

    @Override
    protected int serverPort() {
        throw new UnsupportedOperationException("SQLite has no server");
    }

    /** Open descriptors on the database file and its -wal and -shm companions. */
    @Override
    protected int openConnections() {
        return ProcessSockets.openFiles(Path.of("target/cdi-default.db"));
    }
}
