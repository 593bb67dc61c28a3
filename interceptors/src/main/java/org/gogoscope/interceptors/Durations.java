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
}
