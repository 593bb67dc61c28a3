package org.gogoscope.benchmarks;

/**
 * The value cached, checkpointed and stored as an idempotent result: a small JSON object (a JSON-B bean, so
 * every JSON-B implementation can read it back).
 */
public class Payload {

    static final Payload SAMPLE = new Payload("order-4711", 129_90, "express delivery, leave at the door");

    /** The same value as JSON, for the raw floor (which does no mapping). */
    static final String SAMPLE_JSON = "{\"amount\":12990,\"id\":\"order-4711\",\"note\":\"express delivery, leave at the door\"}";

    private String id;
    private long amount;
    private String note;

    public Payload() {
    }

    public Payload(String id, long amount, String note) {
        this.id = id;
        this.amount = amount;
        this.note = note;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getAmount() {
        return amount;
    }

    public void setAmount(long amount) {
        this.amount = amount;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
