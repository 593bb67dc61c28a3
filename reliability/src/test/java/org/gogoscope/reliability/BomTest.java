package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * gogoscope-bom has no parent (so importing it brings no build pins), so its versions are written twice: this
 * test keeps them equal to the root pom's and makes sure every artifact an application may depend on is in it.
 */
class BomTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theBomsVersionsAreTheBuildsOwn() throws IOException {
        Map<String, String> bom = properties(ROOT.resolve("bom/pom.xml"));
        Map<String, String> build = properties(ROOT.resolve("pom.xml"));
        assertThat(bom).isNotEmpty();
        bom.forEach((name, version) -> assertThat(build.get(name)).as("root pom property %s", name)
                .isEqualTo(version));
        assertThat(version(ROOT.resolve("bom/pom.xml"))).isEqualTo(version(ROOT.resolve("pom.xml")));
    }

    @Test
    void theBomListsEveryArtifactAnApplicationUses() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("<groupId>org\\.gogoscope</groupId><artifactId>([^<]+)</artifactId>").matcher(bom);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrder("gogoscope-api", "gogoscope-core", "gogoscope-cdi",
                "gogoscope-interceptors", "gogoscope-jaxrs", "gogoscope-admin", "gogoscope-telemetry", "gogoscope-jpa",
                "gogoscope-redis",
                "gogoscope-mongodb", "gogoscope-conformance-kit");
    }

    private static Map<String, String> properties(Path pom) throws IOException {
        String text = Files.readString(pom);
        String block = text.substring(text.indexOf("<properties>"), text.indexOf("</properties>"));
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<([\\w.-]+)>([^<]*)</\\1>").matcher(block);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    private static String version(Path pom) throws IOException {
        Matcher m = Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(pom));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
