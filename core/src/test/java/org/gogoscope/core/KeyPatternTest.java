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

    @Test
    void theLiteralHeadIsThePrefixAndTheGlobUpToItsFirstWildcard() {
        assertThat(space.pattern("pattern", "item:0012*").literalHead()).isEqualTo("p%_:item:0012");
        assertThat(space.pattern("pattern", "a?b*").literalHead()).isEqualTo("p%_:a");
        assertThat(space.pattern("pattern", "exact").literalHead()).isEqualTo("p%_:exact");
        assertThat(new KeySpace("", 255).pattern("pattern", "*x").literalHead()).isEmpty();
    }

    @Test
    void theHeadRangeHoldsExactlyTheKeysStartingWithTheHead() {
        assertThat(space.pattern("pattern", "ab*").literalHeadEnd()).contains("p%_:ac");
        assertThat(new KeySpace("", 255).pattern("pattern", "*").literalHeadEnd()).isEmpty();
        // the last code point below U+D800 steps over the surrogates; U+10FFFF carries into the one before
        assertThat(new KeySpace("", 255).pattern("pattern", "a\ud7ff*").literalHeadEnd()).contains("a\ue000");
        assertThat(new KeySpace("", 255).pattern("pattern", "a\udbff\udfff*").literalHeadEnd()).contains("b");
        assertThat(new KeySpace("", 255).pattern("pattern", "\udbff\udfff*").literalHeadEnd()).isEmpty();
        // in code-point order every key with the head lies in [head, end), and the neighbours do not
        KeyPattern emoji = new KeySpace("t:", 255).pattern("pattern", "\ud83d\ude00*");
        String head = emoji.literalHead();
        String end = emoji.literalHeadEnd().orElseThrow();
        for (String key : new String[] {head, head + "\u0000x", head + "\udbff\udfff", head + "\uffff"}) {
            assertThat(codePointOrder(head, key)).isLessThanOrEqualTo(0);
            assertThat(codePointOrder(key, end)).isNegative();
        }
        assertThat(codePointOrder("t:\ud83d\ude01", end)).isZero();
        assertThat(codePointOrder("t:\ud83d\ude00", "t:\ud83d\udfff")).isNegative();
    }

    private static int codePointOrder(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
