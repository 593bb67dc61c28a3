package org.gogoscope.mongodb.standin;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in for MongoDB in tests here: mongo-java-server's memory backend, with one defect of the stand-in
 * removed. Its collections update a stored document <em>in place</em> (keys removed, then put back one by one)
 * under the collection's lock, but a query hands the stored documents themselves to the network layer, which
 * serialises them after the lock is released. A read racing an update could so return half of each: for
 * example the old {@code data} with the new {@code version}, which made a correct compare-and-set loop lose an
 * update (seen in the conformance kit's {@code concurrentReadModifyWriteLoopsLoseNoUpdate}). An aggregation
 * reads the stored documents without the lock at all. A real MongoDB never returns a torn document. Here the
 * documents a {@code find} or {@code aggregate} command reads are deep copies taken under the collection's lock. Queries the server runs for its own updates ({@code findAndModify}, updates)
 * still see the stored documents, which they modify.
 *
 * <p>Only the first batch of a query is copied; the library's reads return one document or a few. Everything
 * else (no TTL monitor, no transactions) is as in mongo-java-server.
 */
public final class MongoStandIn {

    private MongoStandIn() {
    }

    /** A new, unbound server on the snapshot-reading memory backend; {@code bind} it and shut it down yourself. */
    public static MongoServer newServer() {
        return new MongoServer(new SnapshotMemoryBackend());
    }

    /** The memory backend whose databases create {@link SnapshotCollection}s. */
    public static final class SnapshotMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new SnapshotDatabase(databaseName, getCursorRegistry());
        }
    }

    /** Set while a client's {@code find} or {@code aggregate} command is answered on this thread. */
    private static final ThreadLocal<Boolean> ANSWERING_FIND = new ThreadLocal<>();

    private static final class SnapshotDatabase extends MemoryDatabase {
        private final CursorRegistry cursors;

        SnapshotDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
            this.cursors = cursors;
        }

        /** Marks the thread while it answers a client's {@code find} or {@code aggregate}, so the collection copies what it returns. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            if (!"find".equalsIgnoreCase(command) && !"aggregate".equalsIgnoreCase(command)) {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            ANSWERING_FIND.set(Boolean.TRUE);
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            } finally {
                ANSWERING_FIND.remove();
            }
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new SnapshotCollection(this, collectionName, options, cursors);
        }
    }

    /** A memory collection whose answers to {@code find} and {@code aggregate} are copies made under its lock. */
    private static final class SnapshotCollection extends MemoryCollection {
        SnapshotCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            QueryResult result = super.handleQuery(query);
            if (ANSWERING_FIND.get() == null) {
                return result;
            }
            List<Document> copies = new ArrayList<>();
            for (Document document : result) {
                copies.add(document.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }
    }
}
