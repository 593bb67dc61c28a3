package org.gogoscope.it.wildfly;

import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;

/**
 * mongo-java-server in the test (client) JVM. Kept out of the test classes that go into the WAR, so the
 * container never needs its classes.
 */
final class InProcessMongo {

    private InProcessMongo() {
    }

    /** Starts a server on a free port of 127.0.0.1, stopped by a shutdown hook when the JVM exits; its port. */
    static int start() {
        MongoServer server = MongoStandIn.newServer();
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-java-server-stop"));
        return server.getLocalAddress().getPort();
    }
}
