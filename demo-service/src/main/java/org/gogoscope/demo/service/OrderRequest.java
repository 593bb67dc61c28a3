package org.gogoscope.demo.service;

/** The body of {@code POST /orders}. Part of the idempotency fingerprint: the same key with another body is refused. */
public record OrderRequest(String sku, int quantity, String customer) {

    /** @throws IllegalArgumentException naming the first missing or invalid field */
    public void validate() {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("order field 'sku' is required");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("order field 'quantity' must be >= 1, was " + quantity);
        }
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("order field 'customer' is required");
        }
    }
}
