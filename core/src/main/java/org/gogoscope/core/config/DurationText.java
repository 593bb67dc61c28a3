package org.gogoscope.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one duration syntax of every property: ISO-8601 ({@code PT5S}, {@code PT0.5S}, {@code P1D}) or a whole
 * number with a unit: {@code ms}, {@code s}, {@code m} or {@code min}, {@code h}, {@code d} ({@code 500ms},
 * {@code 2s}, {@code 10m}, {@code 1h}, {@code 1d}). A bare number is seconds, as in SmallRye Config and Quarkus.
 * Units are case-insensitive; spaces between number and unit are allowed.
 */
public final class DurationText {

    /** What a user is told when a value is not a duration. */
    public static final String EXPECTED = "a duration such as 500ms, 2s, 10m, 1h, 1d or PT0.5S";

    private DurationText() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is not a duration in the syntax above
     */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p") || value.startsWith("-p") || value.startsWith("+p")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not " + EXPECTED, e);
            }
        }
        int digits = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        int start = digits;
        while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
            digits++;
        }
        if (digits == start) {
            throw new IllegalArgumentException("not " + EXPECTED);
        }
        long amount;
        try {
            amount = Long.parseLong(value.substring(0, digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not " + EXPECTED, e);
        }
        String unit = value.substring(digits).strip();
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "", "s" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit '" + unit + "', not " + EXPECTED);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too long", e);
        }
    }

    /** A duration as a user writes it: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, else ISO. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long millis;
        try {
            millis = duration.toMillis();
        } catch (ArithmeticException e) {
            return duration.toString();
        }
        if (Duration.ofMillis(millis).equals(duration)) {
            long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
            String[] units = {"d", "h", "m", "s"};
            for (int i = 0; i < sizes.length; i++) {
                if (millis % sizes[i] == 0) {
                    return millis / sizes[i] + units[i];
                }
            }
            return millis + "ms";
        }
        return duration.toString();
    }
}
