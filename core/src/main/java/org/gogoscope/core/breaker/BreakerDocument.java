package org.gogoscope.core.breaker;

import org.gogoscope.core.JsonCodec;

/**
 * The shared state of one MicroProfile breaker, stored as JSON in a
 * {@link org.gogoscope.api.CircuitRecord}, e.g.
 * {@code {"state":"CLOSED","window":"0010","openedAt":0,"halfOpenAt":0,"probes":0,"successes":0,"opened":3}}.
 * Times are on the backend's clock (epoch ms). The field names and state strings are the stored format: documents
 * written by earlier versions live in the backends, so they do not change.
 */
public final class BreakerDocument {

    public static final String CLOSED = "CLOSED";
    public static final String OPEN = "OPEN";
    public static final String HALF_OPEN = "HALF_OPEN";

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public String state = CLOSED;
    /** The rolling window while closed, oldest first: {@code 1} a failure, {@code 0} a success. */
    public String window = "";
    /** When the breaker last opened. */
    public long openedAt;
    /** When the current half-open period began (or its probe permits were last reset). */
    public long halfOpenAt;
    /** Probe permits handed out in the current half-open period. */
    public int probes;
    /** Successful probes in the current half-open period. */
    public int successes;
    /** How many times the breaker opened. */
    public long opened;

    /** The document stored as {@code json}; a new (closed, empty) one for {@code null} (nothing stored yet). */
    public static BreakerDocument read(String json) {
        return json == null ? new BreakerDocument()
                : JsonCodec.defaultCodec().fromJson("circuit breaker document", json, BreakerDocument.class);
    }

    /** This document as stored. */
    public String write() {
        return JsonCodec.defaultCodec().toJson("breaker", this);
    }

    /**
     * A copy of this document as an operator's reset leaves it: closed, with an empty window and no probes. The
     * opening count stays. Written by compare-and-set on the version read, every node's breaker takes it up.
     */
    public BreakerDocument reset() {
        BreakerDocument reset = copy();
        reset.close();
        return reset;
    }

    /** Failures in the rolling window while closed. */
    public long failures() {
        return failuresInWindow();
    }

    BreakerDocument copy() {
        return read(write());
    }

    void open(long now) {
        state = OPEN;
        openedAt = now;
        window = "";
        probes = 0;
        successes = 0;
        opened++;
    }

    void close() {
        state = CLOSED;
        window = "";
        probes = 0;
        successes = 0;
    }

    long failuresInWindow() {
        return window.chars().filter(c -> c == '1').count();
    }
}
