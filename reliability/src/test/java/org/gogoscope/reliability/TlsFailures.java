package org.gogoscope.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.gogoscope.api.BackendException;
import org.gogoscope.api.PersistenceAdapter;

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

    /** Every message and toString of {@code error}'s causes and suppressed exceptions, and their stack frames. */
    static String chain(Throwable error) {
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
}
