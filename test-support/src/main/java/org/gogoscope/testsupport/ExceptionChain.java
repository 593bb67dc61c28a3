package org.gogoscope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception with all its causes and suppressed exceptions as text: what a log line showing the exception (a
 * framework's, an application's) could print. The TLS and secrets tests check secrets against all of it, not just
 * the top message.
 */
public final class ExceptionChain {

    private ExceptionChain() {
    }

    /** The {@code toString} (class and message) of {@code error} and of each cause and suppressed exception. */
    public static String of(Throwable error) {
        List<String> parts = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(error));
        while (!pending.isEmpty() && parts.size() < 100) {
            Throwable next = pending.remove(0);
            if (next == null) {
                continue;
            }
            parts.add(String.valueOf(next));
            pending.add(next.getCause() == next ? null : next.getCause());
            pending.addAll(List.of(next.getSuppressed()));
        }
        return String.join("\n", parts);
    }

    /** Asserts that no message in {@code error}'s chain holds any of {@code secrets}. */
    public static void holdsNone(Throwable error, String... secrets) {
        String chain = of(error);
        for (String secret : secrets) {
            assertThat(chain).as("exception chain").doesNotContain(secret);
        }
    }
}
