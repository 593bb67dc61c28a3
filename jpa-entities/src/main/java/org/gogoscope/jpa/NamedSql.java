package org.gogoscope.jpa;

import java.util.ArrayList;
import java.util.List;
import org.gogoscope.jpa.dialect.SqlStatements;

/**
 * SQL text with named parameters ({@code :key}) turned into JDBC's {@code ?} plus the parameter names in order,
 * so each dialect may use a parameter any number of times and in any place. Text inside single quotes and
 * PostgreSQL casts ({@code ::jsonb}) are left alone. Values are always bound, never spliced into the text.
 */
final class NamedSql {

    private final String jdbc;
    private final List<String> names;
    private final boolean usesClock;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = List.copyOf(names);
        this.usesClock = names.contains(SqlStatements.CLOCK);
    }

    static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean parameter = !quoted && c == ':' && i + 1 < sql.length()
                    && Character.isLetter(sql.charAt(i + 1)) && (i == 0 || sql.charAt(i - 1) != ':');
            if (!parameter) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
            names.add(sql.substring(i + 1, end));
            out.append('?');
            i = end - 1;
        }
        return new NamedSql(out.toString(), names);
    }

    String jdbc() {
        return jdbc;
    }

    List<String> names() {
        return names;
    }

    /** Whether the statement reads the JVM's clock through parameter {@value SqlStatements#CLOCK}. */
    boolean usesClock() {
        return usesClock;
    }
}
