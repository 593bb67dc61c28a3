package org.gogoscope.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Classifies driver exceptions the storages handle themselves; everything else is a backend failure. */
final class MongoErrors {

    private MongoErrors() {
    }

    /** Whether {@code e} is a unique-index violation (code 11000 and its legacy relatives). */
    static boolean isDuplicateKey(RuntimeException e) {
        return e instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
