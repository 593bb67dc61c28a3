package org.gogoscope.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The glob translations each backend uses, checked character by character. */
class KeyPatternTest {

    private final KeySpace space = new KeySpace("p%_:", 255);

    @Test
    void sqlLikeEscapesLikeMetacharactersInPrefixAndGlob() {
        assertThat(space.pattern("pattern", "a%b_c!*?").toSqlLike('!')).isEqualTo("p!%!_:a!%b!_c!!%_");
        assertThat(space.all().toSqlLike('\\')).isEqualTo("p\\%\\_:%");
    }

    @Test
    void redisGlobEscapesGlobMetacharactersThatAreLiteral() {
        assertThat(new KeySpace("t[1]*:", 255).pattern("pattern", "a\\b[c]*?").toRedisGlob())
                .isEqualTo("t\\[1\\]\\*:a\\\\b\\[c\\]*?");
    }

    @Test
    void regexQuotesEverythingButTheWildcards() {
        KeyPattern pattern = new KeySpace("a.b:", 255).pattern("pattern", "(x)+$*?");
        assertThat(pattern.matches("a.b:(x)+$yz")).isTrue();
        assertThat(pattern.matches("aXb:(x)+$yz")).isFalse();
        assertThat(pattern.matches("a.b:(x)+$")).isFalse();
        assertThat(pattern.matches("a.b:(x)+$\n\n")).isTrue();
    }

    @Test
    void literalPatternsAreRecognised() {
        assertThat(space.pattern("pattern", "user:1").isLiteral()).isTrue();
        assertThat(space.pattern("pattern", "user:*").isLiteral()).isFalse();
    }
}
