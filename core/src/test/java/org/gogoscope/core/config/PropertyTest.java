package org.gogoscope.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gogoscope.api.ConfigurationException;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

/** Reading, checking and cataloguing properties: one parser, one set of messages. */
class PropertyTest {

    private static final Property<Duration> TIMEOUT = Property.duration("timeout")
            .defaultValue(Duration.ofSeconds(5), "`5s`").must(Property.atLeast(Duration.ofMillis(250)), "at least 250ms")
            .meaning("the bound");
    private static final Property<Integer> POOL = Property.integer("pool-size").defaultValue(10, "`10`")
            .must(n -> n >= 1, ">= 1").meaning("pool");
    private static final Property<String> ROUTE = Property.text("gogoscope.lock.store").global()
            .formerly("gogoscope.locks.store").defaultValue("default", "`default`").meaning("route");

    private static AdapterSettings store(Map<String, String> values) {
        return AdapterSettings.forStore("s", name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void readsTheValueOrTheDefault() {
        assertThat(TIMEOUT.read(store(Map.of("gogoscope.store.s.timeout", "2m")))).isEqualTo(Duration.ofMinutes(2));
        assertThat(TIMEOUT.read(store(Map.of()))).isEqualTo(Duration.ofSeconds(5));
        assertThat(POOL.read(store(Map.of("gogoscope.store.s.pool-size", " 3 ")))).isEqualTo(3);
    }

    @Test
    void aValueOutOfRangeNamesTheFullPropertyTheRangeAndTheValue() {
        assertThatThrownBy(() -> TIMEOUT.read(store(Map.of("gogoscope.store.s.timeout", "100ms"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("GOGO-0102: Invalid gogoscope.store.s.timeout: expected at least 250ms, was '100ms'")
                .satisfies(e -> assertThat(((ConfigurationException) e).code()).isEqualTo(MessageCode.INVALID_VALUE));
        assertThatThrownBy(() -> POOL.read(store(Map.of("gogoscope.store.s.pool-size", "many"))))
                .hasMessage("GOGO-0102: Invalid gogoscope.store.s.pool-size: expected a whole number, >= 1, was 'many'");
    }

    @Test
    void aValueGivenInCodeIsCheckedByTheSameRule() {
        assertThat(TIMEOUT.check("timeout", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> TIMEOUT.check("timeout", Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be at least 250ms, was 10ms");
        assertThatThrownBy(() -> POOL.check("poolSize", 0)).hasMessage("poolSize must be >= 1, was 0");
    }

    @Test
    void aFormerNameStillWorksWithAWarningAndMustNotContradictTheNewOne() {
        List<String> warnings = new ArrayList<>();
        assertThat(ROUTE.read(name -> Optional.ofNullable(Map.of("gogoscope.locks.store", "orders").get(name)),
                warnings::add)).isEqualTo("orders");
        assertThat(warnings).singleElement().asString().startsWith("GOGO-0503: Property gogoscope.locks.store is now "
                + "called gogoscope.lock.store");
        assertThat(ROUTE.read(name -> Optional.empty(), warnings::add)).isEqualTo("default");
        assertThatThrownBy(() -> ROUTE.read(name -> Optional.ofNullable(Map.of("gogoscope.locks.store", "a",
                "gogoscope.lock.store", "b").get(name)), warnings::add))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("GOGO-0105: ");
    }

    @Test
    void theCatalogueKnowsEveryPropertyAndSuggestsTheClosestForATypo() {
        PropertyCatalogue catalogue = PropertyCatalogue.load(getClass().getClassLoader());
        assertThat(catalogue.byModule()).containsKey("gogoscope-core");
        assertThat(catalogue.lookUp("gogoscope.store.orders.key-prefix", "redis"))
                .isInstanceOf(PropertyCatalogue.Lookup.Known.class);
        assertThat(catalogue.lookUp("gogoscope.store.orders.memory.shared", "memory"))
                .isInstanceOf(PropertyCatalogue.Lookup.Known.class);
        assertThat(catalogue.lookUp("gogoscope.store.orders.key-prefx", "memory"))
                .isEqualTo(new PropertyCatalogue.Lookup.Unknown(Optional.of("gogoscope.store.orders.key-prefix")));
        assertThat(catalogue.lookUp("gogoscope.store.orders.memory.shared", "redis"))
                .as("a backend's property on another backend").isInstanceOf(PropertyCatalogue.Lookup.Unknown.class);
        assertThat(catalogue.lookUp("gogoscope.store.orders.completely-different", "memory"))
                .isEqualTo(new PropertyCatalogue.Lookup.Unknown(Optional.empty()));
        assertThat(catalogue.markdownTable()).contains("| `gogoscope.store.<name>.memory.shared` | gogoscope-core (memory) |");
        assertThat(Set.copyOf(catalogue.all())).contains(CoreProperties.BACKEND, CoreProperties.KEY_PREFIX);
    }
}
