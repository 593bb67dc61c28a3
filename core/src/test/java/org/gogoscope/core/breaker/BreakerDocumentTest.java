package org.gogoscope.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stored format does not change with the move to core: backends hold documents written before it. */
class BreakerDocumentTest {

    @Test
    void readsADocumentAsEarlierVersionsStoredIt() {
        BreakerDocument document = BreakerDocument.read("{\"state\":\"HALF_OPEN\",\"window\":\"0010\","
                + "\"openedAt\":1700000000000,\"halfOpenAt\":1700000005000,\"probes\":2,\"successes\":1,\"opened\":3}");
        assertThat(document.state).isEqualTo(BreakerDocument.HALF_OPEN);
        assertThat(document.window).isEqualTo("0010");
        assertThat(document.openedAt).isEqualTo(1_700_000_000_000L);
        assertThat(document.halfOpenAt).isEqualTo(1_700_000_005_000L);
        assertThat(document.probes).isEqualTo(2);
        assertThat(document.successes).isEqualTo(1);
        assertThat(document.opened).isEqualTo(3);
        assertThat(document.failuresInWindow()).isEqualTo(1);
    }

    @Test
    void writesTheSameJsonAsBefore() {
        BreakerDocument document = new BreakerDocument();
        document.window = "0010";
        document.opened = 3;
        // JSON-B's default order (lexicographic), byte for byte what the interceptors' BreakerDocument wrote
        assertThat(document.write()).isEqualTo("{\"halfOpenAt\":0,\"opened\":3,\"openedAt\":0,\"probes\":0,"
                + "\"state\":\"CLOSED\",\"successes\":0,\"window\":\"0010\"}");
        document.open(42);
        assertThat(document.write()).contains("\"state\":\"OPEN\"", "\"openedAt\":42", "\"opened\":4",
                "\"window\":\"\"");
        assertThat(BreakerDocument.HALF_OPEN).isEqualTo("HALF_OPEN");
    }

    @Test
    void nothingStoredIsAClosedEmptyDocument() {
        BreakerDocument document = BreakerDocument.read(null);
        assertThat(document.state).isEqualTo(BreakerDocument.CLOSED);
        assertThat(document.window).isEmpty();
        assertThat(document.opened).isZero();
    }

    @Test
    void aCopyIsIndependent() {
        BreakerDocument document = BreakerDocument.read("{\"state\":\"CLOSED\",\"window\":\"01\"}");
        BreakerDocument copy = document.copy();
        copy.close();
        copy.window = "1";
        assertThat(document.window).isEqualTo("01");
    }
}
