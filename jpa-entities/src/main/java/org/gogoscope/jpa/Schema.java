package org.gogoscope.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.gogoscope.api.MessageCode;
import org.gogoscope.jpa.dialect.SqlDialect;

/**
 * Creates the tables from the dialect's DDL resource and runs its migration. Every statement is idempotent;
 * when several nodes connect at once a catalog race (e.g. PostgreSQL's concurrent CREATE TABLE IF NOT EXISTS)
 * can still fail one of them, so the whole step is retried a few times.
 */
final class Schema {

    private static final int ATTEMPTS = 4;
    private static final System.Logger LOG = System.getLogger(Schema.class.getName());

    private Schema() {
    }

    static void create(Connection connection, SqlDialect dialect) throws SQLException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : statements(dialect.schemaResource(connection))) {
                        execute(statement, ddl, dialect);
                    }
                }
                dialect.migrate(connection);
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    /**
     * Runs one DDL statement. A unique index that existing rows violate (tables written by the Node adapters
     * may hold duplicate checkpoint sequences) is reported and skipped: the guarded statements still work.
     */
    private static void execute(Statement statement, String ddl, SqlDialect dialect) throws SQLException {
        try {
            statement.execute(ddl);
        } catch (SQLException e) {
            if (!(ddl.startsWith("CREATE UNIQUE INDEX") && dialect.isUniqueViolation(e))) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, MessageCode.SCHEMA_INDEX_SKIPPED.format("Existing rows prevent "
                    + ddl.replaceAll("\\s+", " ") + ": " + e.getMessage()));
        }
    }

    /** The statements of a DDL resource: split at semicolons ending a line, comments dropped. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }
}
