package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mongodb.create-indexes=false} on the stand-in: {@code connect()} creates no collection and no index, and
 * fails naming each collection and index missing; on a database whose indexes were made beforehand (here by an
 * adapter with the default, as a DBA's script would) it sends only {@code listCollections} and {@code listIndexes}
 * and then works (the storages are the same as with index creation, so the kit is not run again). Each database
 * is the test's own ({@code noidx_<random>}) and dropped afterwards. The stand-in enforces no roles, so the
 * README's smaller role set is documented, not tested.
 */
class MongoWithoutIndexCreationTest {

    private static final String PREPARED = "noidx_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String EMPTY = PREPARED + "_empty";
    private static final String PARTIAL = PREPARED + "_partial";
    private static MongoClient client;

    @BeforeAll
    static void prepare() {
        client = MongoClients.create(InProcessMongo.uri());
        try (PersistenceAdapter creator = new MongoAdapter(MongoConfig.of(InProcessMongo.uri(), PREPARED), "p:")) {
            creator.connect(); // the indexes, as the README's script makes them
        }
        // the stand-in answers listCollections with a name filter as if the collection existed, so the adapter
        // above never created the record collection (a real server would have): the script's createCollection
        client.getDatabase(PREPARED).createCollection(MongoSchema.CIRCUIT_RECORDS);
        // a DBA's script that forgot two unique indexes and the record collection
        MongoDatabase partial = client.getDatabase(PARTIAL);
        for (String keyed : new String[] {MongoSchema.LOCKS, MongoSchema.CIRCUIT, MongoSchema.IDEMPOTENCY}) {
            partial.getCollection(keyed).createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        }
        for (String ttl : new String[] {MongoSchema.LOCKS, MongoSchema.CIRCUIT, MongoSchema.CACHE,
            MongoSchema.IDEMPOTENCY}) {
            partial.getCollection(ttl).createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
        partial.getCollection(MongoSchema.CHECKPOINTS).createIndex(Indexes.ascending("taskId"));
    }

    @AfterAll
    static void drop() {
        if (client != null) {
            for (String database : new String[] {PREPARED, EMPTY, PARTIAL}) {
                client.getDatabase(database).drop();
            }
            client.close();
        }
    }

    private static MongoAdapter checking(String database, CommandCounter counter) {
        MongoConfig config = MongoConfig.of(InProcessMongo.uri(), database).withCreateIndexes(false)
                .withTimeout(Duration.ofSeconds(2));
        return new MongoAdapter(counter == null ? config : config.withCommandListener(counter), "c:");
    }

    @Test
    void anEmptyDatabaseFailsConnectNamingEveryCollectionAndCreatesNothing() {
        MongoAdapter adapter = checking(EMPTY, null);
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageStartingWith("GOGO-0301: mongodb connect failed: the MongoDB database " + EMPTY
                        + " is not usable with mongodb.create-indexes=false: collection go_goscope_locks is missing;"
                        + " collection go_goscope_circuit is missing; collection go_goscope_circuit_records is"
                        + " missing; collection go_goscope_cache is missing; collection go_goscope_checkpoints is"
                        + " missing; collection go_goscope_idempotency is missing (");
        assertThat(adapter.isConnected()).isFalse();
        assertThat(client.getDatabase(EMPTY).listCollectionNames().into(new java.util.ArrayList<>())).isEmpty();
    }

    @Test
    void missingIndexesAndAMissingCollectionFailConnectNamingThem() {
        MongoAdapter adapter = checking(PARTIAL, null);
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("create-indexes=false: collection go_goscope_circuit_records is missing;"
                        + " index key_1 (unique) on go_goscope_cache is missing;"
                        + " index taskId_1_sequence_1 (unique) on go_goscope_checkpoints is missing (");
        assertThat(client.getDatabase(PARTIAL).getCollection(MongoSchema.CACHE).listIndexes()
                .map(index -> index.getString("name")).into(new java.util.ArrayList<>())).doesNotContain("key_1");
    }

    @Test
    void aPreparedDatabaseConnectsWithOnlyListingCommandsAndWorks() {
        CommandCounter counter = new CommandCounter();
        MongoAdapter adapter = checking(PREPARED, counter);
        List<String> commands = counter.during(adapter::connect);
        try {
            assertThat(commands).containsOnly("listCollections", "listIndexes");
            adapter.cache().set("k", 1, Duration.ofMinutes(1));
            assertThat(adapter.cache().get("k", Integer.class)).contains(1);
            assertThat(adapter.locks().acquire("job", Duration.ofSeconds(5), "me")).isPresent();
        } finally {
            adapter.disconnect();
        }
    }

    @Test
    void thePropertyIsRead() {
        Map<String, String> properties = Map.of("mongodb.uri", InProcessMongo.uri(), "mongodb.database", EMPTY,
                "mongodb.create-indexes", "false");
        MongoAdapter adapter = (MongoAdapter) new MongoAdapterFactory().create("mongodb", AdapterSettings.forStore(
                "s", name -> Optional.ofNullable(properties.get(name.substring("gogoscope.store.s.".length())))));
        assertThat(adapter.config().createIndexes()).isFalse();
        assertThat(adapter.config().toString()).contains("indexes checked, not created");
        assertThatThrownBy(adapter::connect).isInstanceOf(BackendException.class)
                .hasMessageContaining("create-indexes=false: collection go_goscope_locks is missing");
    }
}
