package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;
import org.gogoscope.testsupport.ExceptionChain;

/** What the TLS tests assert about a refused connection: typed, says TLS/SSL where it is about TLS, no secret. */
final class TlsFailures {

    private TlsFailures() {
    }

    /**
     * Connects {@code adapter}, which must fail with a {@link BackendException} whose own message matches
     * {@code expected} (a case-insensitive regular expression) and whose whole chain holds none of {@code secrets}.
     * Returns the message.
     */
    static String refused(PersistenceAdapter adapter, String expected, String... secrets) {
        Throwable thrown = catchThrowable(adapter::connect);
        try {
            assertThat(thrown).isInstanceOf(BackendException.class);
            String message = thrown.getMessage();
            System.out.println("TLS refused (" + adapter.backend() + "): " + message);
            assertThat(message).containsPattern("(?i)" + expected);
            String chain = chain(thrown);
            for (String secret : secrets) {
                assertThat(chain).as("exception chain").doesNotContain(secret);
            }
            return message;
        } finally {
            adapter.disconnect();
        }
    }

    /** Every message and toString of {@code error}'s causes and suppressed exceptions: {@link ExceptionChain}. */
    static String chain(Throwable error) {
        return ExceptionChain.of(error);
    }
}
