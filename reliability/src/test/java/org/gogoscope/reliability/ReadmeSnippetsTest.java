package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's quick-start snippets are the files the build compiles and the servers run, so they cannot drift.
 * A fenced block preceded by {@code <!-- snippet: same as PATH -->} is that file's whole text; one preceded by
 * {@code <!-- snippet: in PATH -->} is a run of consecutive lines of that file (each compared without its
 * indentation, so a snippet may quote a Java text block or an indented XML element).
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (same as|in) (\\S+) -->\\n[ ]*```[a-z]*\\n(.*?)\\n[ ]*```", Pattern.DOTALL);

    record Snippet(String kind, String path, String text) {
    }

    @Test
    void everySnippetIsWhatItsFileSays() throws IOException {
        List<Snippet> snippets = snippets(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(snippets).as("the README's marked snippets").hasSizeGreaterThanOrEqualTo(7)
                .extracting(Snippet::path).contains("samples/quickstart-wildfly/pom.xml",
                        "samples/quickstart-wildfly/src/main/java/org/example/orders/Orders.java",
                        "it-wildfly/src/test/wildfly/quickstart.cli",
                        "demo/src/main/java/org/gogoscope/demo/QuickStart.java");
        for (Snippet snippet : snippets) {
            String file = Files.readString(ROOT.resolve(snippet.path()), StandardCharsets.UTF_8);
            if (snippet.kind().equals("same as")) {
                assertThat(dedent(snippet.text())).as("README snippet 'same as %s'", snippet.path())
                        .isEqualTo(file.stripTrailing());
            } else {
                assertThat(containsRun(file, snippet.text())).as("README snippet 'in %s':%n%s", snippet.path(),
                        snippet.text()).isTrue();
            }
        }
    }

    @Test
    void aSnippetThatDriftedIsCaught() {
        String file = "a\n  b\n    c\nd\n";
        assertThat(containsRun(file, "b\nc")).isTrue();
        assertThat(containsRun(file, "  b\n  c")).isTrue();
        assertThat(containsRun(file, "b\nd")).isFalse();
        assertThat(containsRun(file, "b\nc2")).isFalse();
        assertThat(snippets("<!-- snippet: in x.cli -->\n  ```\n  one\n  two\n  ```\n")).containsExactly(
                new Snippet("in", "x.cli", "  one\n  two"));
    }

    private static List<Snippet> snippets(String readme) {
        List<Snippet> found = new ArrayList<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            found.add(new Snippet(m.group(1), m.group(2), m.group(3)));
        }
        return found;
    }

    /** A snippet inside a list item is indented as a whole; the file is not. */
    private static String dedent(String text) {
        int indent = text.lines().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return text.lines().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .reduce((a, b) -> a + "\n" + b).orElse("").stripTrailing();
    }

    private static boolean containsRun(String file, String snippet) {
        List<String> lines = file.lines().map(String::strip).toList();
        List<String> wanted = snippet.lines().map(String::strip).toList();
        for (int start = 0; start + wanted.size() <= lines.size(); start++) {
            if (lines.subList(start, start + wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
