package org.gogoscope.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.core.spi.AdapterFactory;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

class MongoAdapterFactoryTest {

    private final Map<String, String> properties = new HashMap<>();

    private AdapterSettings settings() {
        return AdapterSettings.forStore("orders", name -> Optional.ofNullable(properties.get(name)));
    }

    private MongoAdapter create() {
        return (MongoAdapter) new MongoAdapterFactory().create("mongodb", settings());
    }

    @Test
    void theServiceLoaderFindsTheFactoryForBackendMongodb() {
        assertThat(ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(factory -> factory.backends().contains("mongodb")).findFirst())
                .get().isInstanceOf(MongoAdapterFactory.class);
    }

    @Test
    void defaultsAreMajorityConcernsFiveSecondsAndTheUrisDatabase() {
        properties.put("gogoscope.store.orders.mongodb.uri", "mongodb://db.example:27017/shop");
        MongoConfig config = create().config();
        assertThat(config.database()).isEqualTo("shop");
        assertThat(config.writeConcern()).isEqualTo(WriteConcern.MAJORITY);
        assertThat(config.readConcern()).isEqualTo(ReadConcern.MAJORITY);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.gcGrace()).as("expiresAt is the real expiry").isEqualTo(Duration.ZERO);
        properties.put("gogoscope.store.orders.mongodb.uri", "mongodb://db.example:27017");
        assertThat(create().config().database()).isEqualTo("gogoscope");
    }

    @Test
    void everyPropertyIsRead() {
        properties.put("gogoscope.store.orders.mongodb.uri", "mongodb://db.example:27017/shop");
        properties.put("gogoscope.store.orders.mongodb.database", "locks");
        properties.put("gogoscope.store.orders.mongodb.write-concern", "2");
        properties.put("gogoscope.store.orders.mongodb.read-concern", "LOCAL");
        properties.put("gogoscope.store.orders.timeout", "750ms");
        properties.put("gogoscope.store.orders.mongodb.gc-grace", "10m");
        properties.put("gogoscope.store.orders.key-prefix", "app1:");
        MongoAdapter adapter = create();
        MongoConfig config = adapter.config();
        assertThat(config.database()).isEqualTo("locks");
        assertThat(config.writeConcern()).isEqualTo(new WriteConcern(2));
        assertThat(config.readConcern()).isEqualTo(ReadConcern.LOCAL);
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.gcGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(adapter.keyPrefix()).isEqualTo("app1:");
        assertThat(adapter.backend()).isEqualTo("mongodb");
    }

    @Test
    void aMissingUriNamesTheFullProperty() {
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.mongodb.uri");
    }

    @Test
    void badValuesNameTheFullPropertyAndHideCredentials() {
        properties.put("gogoscope.store.orders.mongodb.uri", "postgres://user:s3cret@host/db");
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.mongodb.uri").hasMessageNotContaining("s3cret")
                .hasNoCause();
        properties.put("gogoscope.store.orders.mongodb.uri", "mongodb://user:s3cret@host/db");
        properties.put("gogoscope.store.orders.mongodb.write-concern", "0");
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.mongodb.write-concern");
        properties.remove("gogoscope.store.orders.mongodb.write-concern");
        properties.put("gogoscope.store.orders.mongodb.read-concern", "snapshot");
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.mongodb.read-concern");
        properties.remove("gogoscope.store.orders.mongodb.read-concern");
        properties.put("gogoscope.store.orders.timeout", "0ms");
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.timeout");
        properties.put("gogoscope.store.orders.timeout", "soon");
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.timeout");
        properties.remove("gogoscope.store.orders.timeout");
        properties.put("gogoscope.store.orders.mongodb.gc-grace", "-1s");
        assertThatThrownBy(this::create).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gogoscope.store.orders.mongodb.gc-grace");
    }

    @Test
    void aConfiguredAdapterConnectsToTheServer() {
        properties.put("gogoscope.store.orders.mongodb.uri", InProcessMongo.uri());
        PersistenceAdapter adapter = create();
        adapter.connect();
        try {
            assertThat(adapter.locks().acquire("factory", Duration.ofSeconds(5))).isPresent();
        } finally {
            adapter.disconnect();
        }
    }

    @Test
    void theConfigNeverPrintsTheUri() {
        assertThat(MongoConfig.of("mongodb://user:s3cret@host/db", "db").toString()).doesNotContain("s3cret");
    }
}
