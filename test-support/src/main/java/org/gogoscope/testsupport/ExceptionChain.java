package org.gogoscope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.gogoscope.core.tls.TlsFailures;

/**
 * An exception with all its causes and suppressed exceptions as text: what a log line showing the exception (a
 * framework's, an application's) could print. The TLS and secrets tests check secrets against all of it, not just
 * the top message.
 */
public final class ExceptionChain {

    private ExceptionChain() {
    }

    /**
     * The {@code toString} (class and message) of {@code error} and of each cause and suppressed exception, once
     * each, walked as the library walks them ({@link TlsFailures#causes}).
     */
    public static String of(Throwable error) {
        return TlsFailures.causes(error).stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    /** Asserts that no message in {@code error}'s chain holds any of {@code secrets}. */
    public static void holdsNone(Throwable error, String... secrets) {
        String chain = of(error);
        for (String secret : secrets) {
            assertThat(chain).as("exception chain").doesNotContain(secret);
        }
    }
}
