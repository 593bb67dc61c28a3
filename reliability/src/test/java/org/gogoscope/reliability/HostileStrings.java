package org.gogoscope.reliability;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile keys, values and glob patterns: SQL LIKE / GLOB, Redis glob, Lua, regex and
 * MongoDB metacharacters, quotes and comment markers, injection attempts, case and trailing-space twins,
 * control characters, unicode (combining marks, ligatures, RTL, supplementary planes), blanks and empties.
 * NUL and unpaired surrogates are left out here, supplementary-plane characters on MariaDB and line breaks
 * on MongoDB: see {@code src/test/known-failures/}.
 */
final class HostileStrings {

    static final List<String> FRAGMENTS = List.of(
            "%", "_", "*", "?", "[", "]", "\\", "'", "\"", ";", "--", "/*", "*/", "[a-z]", "[!x]", "[^x]", "\\*",
            "\\?", "\\%", "!", "^", "$", ".", ".*", "+", "(", ")", "{", "}", "{}", "}{", "|", "\\d", "\\E", "\\Q",
            "%_%", "' OR '1'='1", "'; DROP TABLE go_goscope_cache; --", "\"; DELETE FROM go_goscope_locks; --",
            "') OR 1=1 --", "]] .. redis.call('FLUSHALL') .. [[", "KEYS[1]", "ARGV[1]", "\"]]--", "return 1",
            "$gt", "{\"$ne\":null}", "$where", "$$NOW", "a.b", "\n", "\r", "\t", "\u0001", "\u007f", "é",
            "e\u0301", "ß", "İ", "ı", "ﬁ", "日本", "😀", "𝔸", "\u200b", "\u202e", "\ufeff", "a", "b", "A", "B",
            "k", "K", ":", "/", " ", "  ", "lock:", "cache:", "{checkpoint}");

    private static final List<String> BLANKS = List.of("", " ", "\t", "\n", " \t\r\n ", "\u2003");

    private final Random random;
    private final List<String> fragments;

    /**
     * @param supplementary whether to use characters outside the Basic Multilingual Plane (emoji)
     * @param lineBreaks whether to use CR and LF
     */
    HostileStrings(long seed, boolean supplementary, boolean lineBreaks) {
        this.random = new Random(seed);
        this.fragments = FRAGMENTS.stream()
                .filter(f -> supplementary || f.codePoints().allMatch(Character::isBmpCodePoint))
                .filter(f -> lineBreaks || (f.indexOf('\n') < 0 && f.indexOf('\r') < 0)).toList();
    }

    Random random() {
        return random;
    }

    /** One to four fragments; now and then a blank or empty string. */
    String key() {
        if (random.nextInt(25) == 0) {
            return BLANKS.get(random.nextInt(BLANKS.size()));
        }
        StringBuilder key = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            key.append(fragments.get(random.nextInt(fragments.size())));
        }
        return key.toString();
    }

    /**
     * A glob derived from {@code known} (chars replaced by ? and runs by *), or made of fragments; at most
     * {@value #MAX_STARS} stars (more make matching exponential: see known-failures/KeyPatternBacktrackingTest).
     */
    String pattern(String known) {
        String glob = rawPattern(known);
        StringBuilder bounded = new StringBuilder();
        int stars = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && ++stars > MAX_STARS) {
                c = '?';
            }
            bounded.append(c);
        }
        return bounded.toString();
    }

    static final int MAX_STARS = 4;

    private String rawPattern(String known) {
        int kind = random.nextInt(5);
        if (kind == 0 || known == null || known.isEmpty()) {
            StringBuilder glob = new StringBuilder();
            int parts = random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                glob.append(random.nextBoolean() ? "*" : fragments.get(random.nextInt(fragments.size())));
            }
            return glob.toString();
        }
        if (kind == 1) {
            return known; // the literal key: every metacharacter must match only itself
        }
        StringBuilder glob = new StringBuilder();
        for (int i = 0; i < known.length(); i++) {
            char c = known.charAt(i);
            int roll = random.nextInt(10);
            if (roll == 0 && !Character.isSurrogate(c)) {
                glob.append('?');
            } else if (roll == 1) {
                glob.append('*');
                i += random.nextInt(3);
            } else {
                glob.append(c);
            }
        }
        return glob.toString();
    }

    /** A value: a hostile string, sometimes long. */
    String value() {
        String base = key();
        return random.nextInt(20) == 0 ? base.repeat(1 + random.nextInt(2000)) : base;
    }
}
