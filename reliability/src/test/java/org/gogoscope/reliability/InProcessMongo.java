package org.gogoscope.reliability;

import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;
import java.net.InetSocketAddress;

/**
 * One in-process mongo-java-server per JVM on a free loopback port, the stand-in for MongoDB here (copied in
 * spirit from the mongodb module's test helper of the same name). Other processes reach it over TCP too.
 */
final class InProcessMongo {

    private static String uri;

    private InProcessMongo() {
    }

    /** The connection string of the shared server, started on first use and stopped when the JVM exits. */
    static synchronized String uri() {
        if (uri == null) {
            MongoServer server = MongoStandIn.newServer();
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-java-server-stop"));
        }
        return uri;
    }
}
