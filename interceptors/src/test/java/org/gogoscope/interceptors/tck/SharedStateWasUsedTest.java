package org.gogoscope.interceptors.tck;

import org.testng.Assert;
import org.testng.annotations.Test;

/**
 * Runs last in the TCK suite: the circuit-breaker TCK must have gone through the shared breaker (documents
 * written to the backend), not through SmallRye's own breaker, for its green result to mean anything.
 */
public class SharedStateWasUsedTest {

    @Test
    public void theTckBreakersKeptTheirStateInTheBackend() {
        long writes = TckStoresExtension.RECORD_WRITES.get();
        System.out.println("gogoscope: shared breaker documents written during the TCK: " + writes);
        Assert.assertTrue(writes > 100, "only " + writes + " shared breaker documents were written");
    }
}
