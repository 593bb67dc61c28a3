package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gogoscope.api.MessageCode;
import org.gogoscope.core.config.PropertyCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The root README's property table and message table are what the code declares: every property every module
 * reads (their {@code PropertySet}s) and every {@link MessageCode}, so neither can exist undocumented. On a
 * difference the test fails showing the table to paste, or rewrites the README with {@code -Dreadme.update=true}.
 * The test counts the documents state (the conformance kit's, cdi-extension's total) are the sources' counts.
 */
class ReadmeTablesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");

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

    /** A count stated next to the kit: "conformance kit (70 tests", "the kit (70)", "`ConformanceSuite` (70 tests". */
    private static final Pattern KIT_COUNT = Pattern.compile(
            "(?i)(?:kit|ConformanceSuite`?|conformance suite|JUnit 5 tests)\\s*\\((\\d+)(?: tests)?[,)]");

    @Test
    void everyDocumentStatesTheKitsTestCount() throws IOException {
        int kit = 0;
        for (TestClass each : testClasses(ROOT.resolve("conformance-kit/src/main/java")).values()) {
            kit += each.tests();
        }
        List<String> wrong = new ArrayList<>();
        int stated = 0;
        try (Stream<Path> documents = Files.walk(ROOT)) {
            for (Path document : documents.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList()) {
                Matcher m = KIT_COUNT.matcher(Files.readString(document, StandardCharsets.UTF_8));
                while (m.find()) {
                    stated++;
                    if (Integer.parseInt(m.group(1)) != kit) {
                        wrong.add(ROOT.relativize(document) + ": '" + m.group() + "'");
                    }
                }
            }
        }
        assertThat(stated).as("documents stating the kit's count (the pattern still finds them)").isGreaterThan(3);
        assertThat(wrong).as("counts that are not the kit's %d @Test methods", kit).isEmpty();
    }

    @Test
    void cdiExtensionsTestingStatesItsTestCount() throws IOException {
        Map<String, TestClass> classes = testClasses(ROOT.resolve("cdi-extension/src/test/java"));
        int runs = 0;
        for (TestClass each : classes.values()) {
            if (!each.isAbstract()) {
                for (TestClass c = each; c != null; c = classes.get(c.superclass())) {
                    runs += c.tests();
                }
            }
        }
        Matcher total = Pattern.compile("Total: (\\d+) tests").matcher(
                Files.readString(ROOT.resolve("cdi-extension/TESTING.md"), StandardCharsets.UTF_8));
        assertThat(total.find()).as("cdi-extension/TESTING.md states a total").isTrue();
        assertThat(Integer.parseInt(total.group(1))).as("cdi-extension/TESTING.md's total").isEqualTo(runs);
    }

    /** A test class's {@code @Test} methods (each runs once: a parameterised test fails the count). */
    private record TestClass(int tests, boolean isAbstract, String superclass) {
    }

    private static Map<String, TestClass> testClasses(Path sources) throws IOException {
        Pattern declaration = Pattern.compile(
                "\\n(?:public )?(abstract )?class (\\w+)(?:<[^>]*>)?(?: extends (\\w+))?");
        Map<String, TestClass> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as("%s: a test that runs more than once is not counted here", file)
                        .doesNotContain("@ParameterizedTest", "@RepeatedTest", "@TestFactory");
                Matcher m = declaration.matcher(text);
                if (m.find()) {
                    int tests = (int) Pattern.compile("@Test\\b").matcher(text).results().count();
                    classes.put(m.group(2), new TestClass(tests, m.group(1) != null, m.group(3)));
                }
            }
        }
        return classes;
    }
}
