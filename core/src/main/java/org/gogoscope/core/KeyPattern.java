package org.gogoscope.core;

/**
 * A literal prefix followed by a glob, in the library's one glob grammar: {@code *} any run of characters,
 * {@code ?} one character, every other character literal. Translates to each backend's own matching syntax
 * with every metacharacter of that syntax escaped, so user input is never interpreted by the backend.
 */
public final class KeyPattern {

    private static final int ANY_RUN = -1;
    private static final int ONE = -2;

    private final String prefix;
    private final String glob;
    /** The glob as code points, with {@link #ANY_RUN} for {@code *} and {@link #ONE} for {@code ?}. */
    private final int[] compiled;

    KeyPattern(String prefix, String glob) {
        this.prefix = prefix;
        this.glob = glob;
        this.compiled = glob.codePoints().map(c -> c == '*' ? ANY_RUN : c == '?' ? ONE : c).toArray();
    }

    /** The literal prefix every matching full key starts with. */
    public String prefix() {
        return prefix;
    }

    /** The same glob under {@code otherPrefix}: for a backend that stores keys under a longer prefix. */
    public KeyPattern withPrefix(String otherPrefix) {
        return new KeyPattern(otherPrefix, glob);
    }

    /** The glob, without the prefix. */
    public String glob() {
        return glob;
    }

    /**
     * Whether {@code fullKey} (prefix included) matches. Linear in practice and O(key x glob) at worst, never
     * exponential: on a mismatch it only ever backtracks to the last {@code *} (a regular expression with
     * several {@code .*} would backtrack over all of them).
     */
    public boolean matches(String fullKey) {
        if (!fullKey.startsWith(prefix)) {
            return false;
        }
        int[] key = fullKey.substring(prefix.length()).codePoints().toArray();
        int k = 0;
        int g = 0;
        int lastStar = -1;
        int resumeAt = 0;
        while (k < key.length) {
            if (g < compiled.length && (compiled[g] == ONE || compiled[g] == key[k])) {
                k++;
                g++;
            } else if (g < compiled.length && compiled[g] == ANY_RUN) {
                lastStar = g++;
                resumeAt = k;
            } else if (lastStar >= 0) {
                g = lastStar + 1;
                k = ++resumeAt;
            } else {
                return false;
            }
        }
        while (g < compiled.length && compiled[g] == ANY_RUN) {
            g++;
        }
        return g == compiled.length;
    }

    /**
     * The literal text every matching full key starts with: the prefix and the glob up to its first wildcard.
     * A backend lists matches through an index range from here to {@link #literalHeadEnd()}.
     */
    public String literalHead() {
        int star = glob.indexOf('*');
        int one = glob.indexOf('?');
        int wildcard = star < 0 ? one : one < 0 ? star : Math.min(star, one);
        return prefix + (wildcard < 0 ? glob : glob.substring(0, wildcard));
    }

    /**
     * The least string greater than every string starting with {@link #literalHead()}, in code-point order (which
     * is UTF-8 byte order, the order of PostgreSQL's {@code "C"} collation and MySQL's binary ones): the keys that
     * start with the head are exactly those in {@code [literalHead(), literalHeadEnd())}. Empty when no such
     * string exists (an empty head, or one made only of U+10FFFF): then the range has no upper end.
     */
    public java.util.Optional<String> literalHeadEnd() {
        int[] head = literalHead().codePoints().toArray();
        for (int i = head.length - 1; i >= 0; i--) {
            if (head[i] < Character.MAX_CODE_POINT) {
                int next = head[i] + 1;
                if (next == Character.MIN_SURROGATE) {
                    next = Character.MAX_SURROGATE + 1; // no code point is a surrogate
                }
                StringBuilder end = new StringBuilder();
                for (int j = 0; j < i; j++) {
                    end.appendCodePoint(head[j]);
                }
                return java.util.Optional.of(end.appendCodePoint(next).toString());
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether the glob has no wildcard, i.e. matches exactly one key. */
    public boolean isLiteral() {
        return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
    }

    /**
     * An anchored Java/PCRE regular expression for full keys (usable by MongoDB's {@code $regex}); it ends in
     * {@code \\z}, not {@code $}, which would also match before a final line break.
     */
    public String toRegex() {
        StringBuilder out = new StringBuilder("^");
        appendQuoted(out, prefix);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                appendQuoted(out, literal.toString());
                literal.setLength(0);
                out.append(c == '*' ? "[\\s\\S]*" : "[\\s\\S]");
            } else {
                literal.append(c);
            }
        }
        appendQuoted(out, literal.toString());
        return out.append("\\z").toString();
    }

    /**
     * A SQL {@code LIKE} pattern for full keys, to be used with {@code ESCAPE 'escape'}: {@code %}, {@code _}
     * and the escape character itself are escaped wherever they stand for themselves.
     */
    public String toSqlLike(char escape) {
        StringBuilder out = new StringBuilder();
        appendLikeLiteral(out, prefix, escape);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                out.append('%');
            } else if (c == '?') {
                out.append('_');
            } else {
                appendLikeLiteral(out, String.valueOf(c), escape);
            }
        }
        return out.toString();
    }

    /** A Redis {@code SCAN MATCH} glob for full keys: {@code * ? [ ] \} are escaped where literal. */
    public String toRedisGlob() {
        StringBuilder out = new StringBuilder();
        appendRedisLiteral(out, prefix);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                out.append(c);
            } else {
                appendRedisLiteral(out, String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static void appendQuoted(StringBuilder out, String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < 128 && !Character.isLetterOrDigit(c)) { // a backslash makes any ASCII symbol literal
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static void appendLikeLiteral(StringBuilder out, String literal, char escape) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '%' || c == '_' || c == escape) {
                out.append(escape);
            }
            out.append(c);
        }
    }

    private static void appendRedisLiteral(StringBuilder out, String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    @Override
    public String toString() {
        return prefix + glob;
    }
}
