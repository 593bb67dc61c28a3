package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.PropertyCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The root README's property table and message table are what the code declares: every property every module
 * reads (their {@code PropertySet}s) and every {@link MessageCode}, so neither can exist undocumented. On a
 * difference the test fails showing the table to paste, or rewrites the README with {@code -Dreadme.update=true}.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyPropertyIsInTheReadmeAsDeclared() throws IOException {
        String table = PropertyCatalogue.load(getClass().getClassLoader()).markdownTable();
        assertThat(table).as("the catalogue sees every module").contains("gogoscope-core", "gogoscope-jpa",
                "gogoscope-redis", "gogoscope-mongodb", "gogoscope-cdi", "gogoscope-interceptors", "gogoscope-admin");
        check("properties", table);
    }

    @Test
    void everyMessageCodeIsInTheReadme() throws IOException {
        StringBuilder table = new StringBuilder("| code | name | meaning |\n| --- | --- | --- |\n");
        for (MessageCode code : MessageCode.values()) {
            table.append("| `").append(code.id()).append("` | `").append(code.name()).append("` | ")
                    .append(code.summary()).append(" |\n");
        }
        check("message-codes", table.toString());
    }

    /** The README's text between {@code <!-- name:begin -->} and {@code <!-- name:end -->} is {@code expected}. */
    private static void check(String name, String expected) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String begin = "<!-- " + name + ":begin (generated from the code by reliability's ReadmeTablesTest; "
                + "-Dreadme.update=true rewrites it) -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md has the marker line %s", begin.strip()).isNotNegative();
        assertThat(to).as("README.md has the marker %s", end).isGreaterThan(from);
        String actual = readme.substring(from + begin.length(), to);
        if (!actual.equals(expected) && Boolean.getBoolean("readme.update")) {
            Files.writeString(README, readme.substring(0, from + begin.length()) + expected + readme.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README.md's %s table (regenerate with -Dreadme.update=true)", name).isEqualTo(expected);
    }
}
