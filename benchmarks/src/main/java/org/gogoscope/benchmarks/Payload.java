package org.gogoscope.benchmarks;

/** The value cached, checkpointed and stored as an idempotent result: a small JSON object. */
public record Payload(String id, long amount, String note) {

    static final Payload SAMPLE = new Payload("order-4711", 129_90, "express delivery, leave at the door");

    /** The same value as JSON, for the raw floor (which does no mapping). */
    static final String SAMPLE_JSON = "{\"amount\":12990,\"id\":\"order-4711\",\"note\":\"express delivery, leave at the door\"}";
}
