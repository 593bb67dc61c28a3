package org.gogoscope.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import org.gogoscope.mongodb.standin.MongoStandIn;
import java.net.InetSocketAddress;

/**
 * One in-process mongo-java-server per JVM, on a free loopback port: the stand-in for MongoDB here. It speaks
 * the wire protocol; TTL indexes are accepted but never delete, and it has no transactions.
 */
final class InProcessMongo {

    private static MongoServer server;
    private static String uri;

    private InProcessMongo() {
    }

    /** The connection string of the shared server, started on first use and stopped when the JVM exits. */
    static synchronized String uri() {
        if (server == null) {
            MongoServer started = MongoStandIn.newServer();
            started.bind("127.0.0.1", 0);
            InetSocketAddress address = started.getLocalAddress();
            server = started;
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdownNow, "mongo-java-server-stop"));
        }
        return uri;
    }

    /** The port of the shared server. */
    static int port() {
        String uri = uri();
        return Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
    }

    /** A configuration for the shared server and database {@code test}. */
    static MongoConfig config() {
        return MongoConfig.of(uri(), "test");
    }
}
