package org.gogoscope.jpa.entity;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.gogoscope.jpa.Dialect;

/**
 * The entities mapping the library's tables, for applications that want to look at the rows through JPA
 * (dashboards, operations, reports). List them in your persistence unit ({@code <class>} elements or
 * {@link #CLASSES}), or build a small Hibernate unit with {@link #entityManagerFactory}. They are read-only
 * views: the library writes its rows with single conditional native statements, never through JPA.
 */
public final class JpaEntities {

    /** Every entity class. */
    public static final List<Class<?>> CLASSES = List.of(LockEntity.class, CircuitEntity.class,
            CacheEntryEntity.class, CheckpointEntity.class, IdempotencyEntity.class, CircuitRecordEntity.class);

    private JpaEntities() {
    }

    /**
     * A Hibernate {@link EntityManagerFactory} over {@link #CLASSES} on {@code dataSource}, which must hold the
     * library's schema. Needs {@code hibernate-core} (and {@code hibernate-community-dialects} for SQLite) on the
     * class path. With {@code validate} Hibernate checks the mapping against the tables first.
     */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource, Dialect dialect, boolean validate) {
        org.hibernate.cfg.Configuration configuration = new org.hibernate.cfg.Configuration();
        CLASSES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(org.hibernate.cfg.AvailableSettings.DATASOURCE, dataSource);
        configuration.setProperty(org.hibernate.cfg.AvailableSettings.HBM2DDL_AUTO, validate ? "validate" : "none");
        configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "true");
        dialect.hibernateDialect().ifPresent(name ->
                configuration.setProperty(org.hibernate.cfg.AvailableSettings.DIALECT, name));
        return configuration.buildSessionFactory();
    }
}
