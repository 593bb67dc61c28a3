package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every warning or error a library class logs starts with a {@link org.gogoscope.api.MessageCode}, as the README
 * promises ("the logged warnings carry codes too"): a user can search for the code. The library is what the BOM
 * lists; its main sources are read as text, and every {@code .log(...WARNING/ERROR/SEVERE, ...)} call must name a
 * {@code MessageCode} in its arguments, unless its message was coded where it was made (listed below, with why).
 */
class LoggedWarningsTest {

    private static final Path ROOT = Path.of("..");

    /** A logging call at a level a user must act on; its arguments follow. */
    private static final Pattern WARNING_CALL = Pattern.compile(
            "\\.log\\(\\s*(?:System\\.Logger\\.|java\\.util\\.logging\\.)?Level\\.(?:WARNING|ERROR|SEVERE)\\s*,");

    /** Calls whose message is a string coded elsewhere: file name to the call's arguments, as written. */
    private static final Map<String, Set<String>> CODED_ELSEWHERE = Map.of(
            // GogoscopeConfig's warnings come from Property.read (GOGO-0503) and unknownProperties (GOGO-0502)
            "StoreDeployment.java", Set.of("warning"),
            // Property.read's report of a former name (GOGO-0503)
            "AdminSettings.java", Set.of("warning"));

    @Test
    void everyLoggedWarningOfTheLibraryCarriesAMessageCode() throws IOException {
        List<Path> sources = librarySources();
        assertThat(sources).as("the library's main sources").hasSizeGreaterThan(100);
        List<String> uncoded = new ArrayList<>();
        int calls = 0;
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher m = WARNING_CALL.matcher(text);
            while (m.find()) {
                calls++;
                String arguments = arguments(text, m.end()).strip();
                if (arguments.contains("MessageCode.")) {
                    continue;
                }
                if (CODED_ELSEWHERE.getOrDefault(source.getFileName().toString(), Set.of()).contains(arguments)) {
                    continue;
                }
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                uncoded.add(ROOT.relativize(source) + ":" + line + ": " + arguments.replaceAll("\\s+", " "));
            }
        }
        assertThat(calls).as("warnings found (the pattern still matches the code)").isGreaterThan(20);
        assertThat(uncoded).as("warnings logged without a MessageCode (add one in api/MessageCode and log "
                + "code.format(...))").isEmpty();
    }

    /** The text from {@code from} to the parenthesis closing the call, string literals skipped. */
    private static String arguments(String text, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(from, i);
            }
        }
        throw new IllegalStateException("unbalanced call at " + from);
    }

    /** The main Java sources of every module whose artifact the BOM lists. */
    private static List<Path> librarySources() throws IOException {
        Set<String> library = new TreeSet<>();
        Matcher listed = Pattern.compile("<groupId>org\\.gogoscope</groupId><artifactId>([^<]+)</artifactId>")
                .matcher(Files.readString(ROOT.resolve("bom/pom.xml")));
        while (listed.find()) {
            library.add(listed.group(1));
        }
        Pattern own = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
        List<Path> sources = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                Matcher m = own.matcher(Files.readString(pom));
                Path main = pom.resolveSibling("src/main/java");
                if (m.find() && library.contains(m.group(1)) && Files.isDirectory(main)) {
                    found.add(m.group(1));
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        assertThat(found).as("a module directory for every library artifact of the BOM").isEqualTo(library);
        return sources;
    }
}
