package org.gogoscope.interceptors;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Annotation amounts ({@code long} + {@link ChronoUnit}) as checked {@link Duration}s. */
public final class Durations {

    private Durations() {
    }

    /** {@code amount unit} as a duration {@code > 0} (or {@code >= 0} if {@code zeroAllowed}). */
    public static Duration of(String annotation, String member, Method method, long amount, ChronoUnit unit,
            boolean zeroAllowed) {
        if (amount < 0 || (amount == 0 && !zeroAllowed)) {
            throw new InvalidAnnotationException(annotation, member, method,
                    "must be " + (zeroAllowed ? ">= 0" : "> 0") + ", was " + format(amount, unit));
        }
        try {
            Duration duration = Duration.of(amount, unit);
            if (!zeroAllowed && duration.toMillis() < 1) {
                throw new InvalidAnnotationException(annotation, member, method,
                        "must be at least 1ms, was " + format(amount, unit));
            }
            return duration;
        } catch (ArithmeticException | java.time.temporal.UnsupportedTemporalTypeException e) {
            throw new InvalidAnnotationException(annotation, member, method,
                    "cannot be used as a duration, was " + format(amount, unit));
        }
    }

    /** {@code -5s}, {@code 200ms}, {@code 3h}, or {@code 2 WEEKS} for units without a short name. */
    public static String format(long amount, ChronoUnit unit) {
        String suffix = switch (unit) {
            case NANOS -> "ns";
            case MICROS -> "us";
            case MILLIS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "min";
            case HOURS -> "h";
            case DAYS -> "d";
            default -> " " + unit.name();
        };
        return amount + suffix;
    }

    /**
     * A configuration value such as {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h} or an ISO-8601
     * duration ({@code PT0.5S}).
     */
    public static Duration parse(String property, String value) {
        String text = value.trim();
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            int split = 0;
            while (split < text.length() && (Character.isDigit(text.charAt(split)))) {
                split++;
            }
            long amount = Long.parseLong(text.substring(0, split));
            String unit = text.substring(split).trim();
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s", "" -> Duration.ofSeconds(amount);
                case "min", "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
            };
        } catch (RuntimeException e) {
            throw new org.gogoscope.api.ConfigurationException(property, "Invalid " + property + ": '" + value
                    + "' is not a duration (use e.g. 500ms, 5s, 2min, 1h or PT0.5S)", e);
        }
    }
}
