package org.gogoscope.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.Store;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/**
 * A store on the application's DataSource bean ({@code datasource-bean}), as on Quarkus and Helidon, which have no
 * JNDI: the unqualified bean for {@code default}, a named one otherwise; a name no bean has fails the deployment
 * naming the property.
 */
class DataSourceBeanTest {

    /** A qualifier with the name as its value, as Quarkus' {@code @io.quarkus.agroal.DataSource("reports")}. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
    @interface Db {
        String value();
    }

    /**
     * Three DataSources as runtimes produce them: the default one, one qualified by a name as Quarkus does and one
     * {@code @Named} but not {@code @Default}, as Helidon names a second one.
     */
    @ApplicationScoped
    static class DataSources {

        static final String DEFAULT_FILE = "target/cdi-datasource-bean-default-" + UUID.randomUUID() + ".db";
        static final String REPORTS_FILE = "target/cdi-datasource-bean-reports-" + UUID.randomUUID() + ".db";
        static final String AUDIT_FILE = "target/cdi-datasource-bean-audit-" + UUID.randomUUID() + ".db";

        @Produces
        @ApplicationScoped
        DataSource main() {
            return file(DEFAULT_FILE);
        }

        @Produces
        @ApplicationScoped
        @Db("reports")
        DataSource reports() {
            return file(REPORTS_FILE);
        }

        @Produces
        @ApplicationScoped
        @Named("audit")
        @Db("audit")
        DataSource audit() {
            return file(AUDIT_FILE);
        }

        private static DataSource file(String path) {
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + path);
            return source;
        }
    }

    @Dependent
    static class Users {

        @Inject
        LockProvider locks;

        @Inject
        @Store("reports")
        LockProvider reportLocks;

        @Inject
        @Store("audit")
        LockProvider auditLocks;
    }

    @Test
    void eachStoreRunsOnTheDataSourceBeanItNames() {
        try (Boot boot = Boot.start(Map.of("gogoscope.store.default.backend", "sqlite",
                "gogoscope.store.default.datasource-bean", "default",
                "gogoscope.store.reports.backend", "sqlite",
                "gogoscope.store.reports.datasource-bean", "reports",
                "gogoscope.store.audit.backend", "sqlite",
                "gogoscope.store.audit.datasource-bean", "audit"), DataSources.class, Users.class)) {
            Users users = boot.bean(Users.class);
            assertThat(users.locks.acquire("job", Duration.ofSeconds(30), "a")).isPresent();
            assertThat(users.reportLocks.acquire("job", Duration.ofSeconds(30), "b")).as("another database")
                    .isPresent();
            assertThat(users.auditLocks.acquire("job", Duration.ofSeconds(30), "c")).as("a third one").isPresent();
        }
        assertThat(new java.io.File(DataSources.DEFAULT_FILE)).exists();
        assertThat(new java.io.File(DataSources.REPORTS_FILE)).exists();
        assertThat(new java.io.File(DataSources.AUDIT_FILE)).exists();
    }

    @Test
    void aNameNoBeanHasFailsTheDeploymentNamingTheProperty() {
        assertThatThrownBy(() -> Boot.start(Map.of("gogoscope.store.default.backend", "sqlite",
                "gogoscope.store.default.datasource-bean", "billing"), DataSources.class, Users.class).close())
                .satisfies(e -> assertThat(Boot.messages(e)).contains("GOGO-0111")
                        .contains("gogoscope.store.default.datasource-bean").contains("named 'billing'"));
    }
}
