package org.gogoscope.cdi;

import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** MongoDB through the in-process mongo-java-server (no real MongoDB can run here), stopped after the class. */
class MongodbBootTest extends BackendBootTest {

    private static MongoServer server;
    private static int port;

    @BeforeAll
    static void startServer() {
        server = MongoStandIn.newServer();
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    @Override
    protected Predicate<String> testServerThreads() {
        return name -> name.startsWith("mongo-server-");
    }

    @Override
    protected String backend() {
        return "mongodb";
    }

    @Override
    protected Map<String, String> connection(String store) {
        return Map.of("mongodb.uri", "mongodb://127.0.0.1:" + port, "mongodb.database", "cdi_test");
    }

    @Override
    protected int serverPort() {
        return port;
    }
}
