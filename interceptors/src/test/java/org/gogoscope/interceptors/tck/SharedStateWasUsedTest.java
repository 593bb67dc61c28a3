package org.gogoscope.interceptors.tck;

import org.testng.Assert;
import org.testng.annotations.Test;

/**
 * Runs last in the TCK suite: the circuit-breaker TCK must have gone through the shared breaker (documents
 * written to the backend), not through SmallRye's own breaker, for its green result to mean anything. No record
 * call may have failed (the breaker fails open, which could hide a broken backend), and on Redis the documents
 * must have been in Redis and removed afterwards.
 */
public class SharedStateWasUsedTest {

    @Test
    public void theTckBreakersKeptTheirStateInTheBackend() {
        long writes = TckStoresExtension.RECORD_WRITES.get();
        long errors = TckStoresExtension.BACKEND_ERRORS.get();
        long deleted = TckStoresExtension.REDIS_KEYS_DELETED.get();
        System.out.println("gogoscope: TCK backend " + TckStoresExtension.backend() + ": shared breaker documents "
                + "written " + writes + ", backend errors " + errors + ", Redis keys removed afterwards " + deleted);
        Assert.assertTrue(writes > 100, "only " + writes + " shared breaker documents were written");
        Assert.assertEquals(errors, 0L, "record calls failed with BackendException (the breaker failed open)");
        if (TckStoresExtension.backend().equals("redis")) {
            Assert.assertTrue(deleted > 50, "only " + deleted + " TCK keys were found in Redis afterwards");
        }
    }
}
